// Temporal for tests: the time-skipping test server (Java, from Maven Central, installed by scripts/services.sh)
// and the dev server started by scripts/services.sh. Nothing here is a mock.
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkerOptions } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';

const root = path.resolve(__dirname, '../..');

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through \`npm test\` (it starts the services)`);
  return value;
}

/**
 * Starts a private time-skipping test server for one test file; call `teardown()` when done. The case search
 * attributes are registered on it, as scripts/services.sh registers them on the dev server.
 */
export async function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireEnv('TEMPORAL_TEST_SERVER_PATH') } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: {
      CaseStage: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      CaseRiskLevel: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      CaseMission: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      CaseStatus: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      CaseEscalationLevel: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
      CaseNextDueAt: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
    },
  });
  return env;
}

/** Connects to the running dev server (TEMPORAL_ADDRESS), which has visibility queries and the Web UI. */
export async function connectToDevServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: requireEnv('TEMPORAL_ADDRESS') });
}

/**
 * Bundler options for workers that load workflow code from TypeScript sources: webpack must resolve our
 * `@baoho/*` aliases the way tsconfig.json does (a built worker uses dist/, where tsc-alias rewrote them).
 */
export const sourceBundlerOptions: NonNullable<WorkerOptions['bundlerOptions']> = {
  webpackConfigHook: (config) => {
    const aliases: Record<string, string> = {};
    for (const lib of ['domain', 'event-store', 'messaging', 'config', 'observability', 'http']) {
      aliases[`@baoho/${lib}`] = path.join(root, 'libs', lib, 'src', 'index.ts');
    }
    aliases['@baoho/workflows'] = path.join(root, 'workflows', 'src', 'index.ts');
    config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases } };
    return config;
  },
};

/** A task queue no other test file uses, so parallel test files never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
