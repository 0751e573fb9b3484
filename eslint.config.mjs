// Lint rules that keep the architecture honest (ARCHITECTURE.md invariants 2 and 3).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream',
  'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const banned = (names, message) => names.flatMap((name) => [
  { name, message },
  { name: `node:${name}`, message },
]);
const frameworkAndIo = [
  { group: ['@nestjs/*'], message: 'Frameworks stay at the edges.' },
  { group: ['typeorm', 'typeorm/*', 'pg', 'pg/*', 'kafkajs'], message: 'I/O libraries stay at the edges.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.baoho/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned(nodeBuiltins, 'Workflow code must be deterministic: no Node builtins.'),
        patterns: [
          ...frameworkAndIo,
          { group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflows import only @temporalio/workflow.' },
          { group: ['@baoho/event-store', '@baoho/messaging', '@baoho/config', '@baoho/observability', '@baoho/http', '@baoho/crypto'], message: 'Workflows import only the domain.' },
        ],
      }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: banned(nodeBuiltins, 'The domain is pure: no I/O, no Node builtins.'),
        patterns: [
          ...frameworkAndIo,
          { group: ['@temporalio/*'], message: 'The domain is pure: no framework.' },
          { group: ['@baoho/*'], message: 'The domain depends on nothing of ours.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'The domain has no timers.' },
        { name: 'process', message: 'The domain reads no environment.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is an argument: the rules never read a clock.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time is an argument: the rules never read a clock.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The domain is deterministic.' }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
);
