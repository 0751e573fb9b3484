// One jest run, five projects; the suffix of a test file says its level (see STYLE.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@baoho/(domain|event-store|messaging|config|observability|http|crypto)$': '<rootDir>/libs/$1/src/index.ts',
  '^@baoho/workflows$': '<rootDir>/workflows/src/index.ts',
};

const quietTemporal = '<rootDir>/tests/support/quiet-temporal.ts';

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  testMatch,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
  ...extra,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/{libs,apps,workflows}/**/*.unit.spec.ts', '<rootDir>/tests/unit/**/*.unit.spec.ts']),
    project('workflow', ['<rootDir>/tests/workflow/**/*.spec.ts'], { setupFiles: [quietTemporal] }),
    project('integration', ['<rootDir>/tests/integration/**/*.int.spec.ts'], { setupFiles: [quietTemporal] }),
    project('e2e', ['<rootDir>/tests/e2e/**/*.e2e.spec.ts'], { setupFiles: [quietTemporal] }),
    // The console in real headless Chromium against the built apps (tests/support/browser.ts).
    project('browser', ['<rootDir>/tests/browser/**/*.browser.spec.ts'], { setupFiles: [quietTemporal] }),
  ],
  testTimeout: 60_000,
};
