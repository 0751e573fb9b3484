// The two workers, in this process: the case workflow with the real activities over a fresh PostgreSQL database
// (a pool of 10, as the worker app has), and the bare workflow with no activities, each on its own task queue.
import { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DEV_SEARCH_INDEX_KEY, WORKER_TASK_DEFAULTS } from '@baoho/config';
import { createCaseEventStore } from '@baoho/event-store';
import { testPersonalData } from '../../tests/support/keys';
import { createCaseActivities } from '../../apps/worker/src/activities/case-activities';
import { workflowTaskOptions } from '../../apps/worker/src/workflow-task-options';
import { RecordingNotificationPort, WORKFLOWS_SOURCE } from '../../tests/support/case-worker';
import { createTestDatabase, type TestDatabase } from '../../tests/support/postgres';
import { sourceBundlerOptions, uniqueTaskQueue } from '../../tests/support/temporal';

export interface RunningWorker {
  readonly taskQueue: string;
  readonly worker: Worker;
  stop(): Promise<void>;
}

const quiet = new DefaultLogger('WARN');

/** Keeps the SDK's own logs (worker start, bundler) at WARN so the bench prints only its figures. */
export function quietRuntime(): void {
  Runtime.install({ logger: quiet });
}

/**
 * Every bench worker has the worker app's task limits: with the SDK's, a new workflow's first task waits for one of
 * two polls of the shared queue, and that cap, not the workflow, would set a start rate.
 */
async function run(env: TestWorkflowEnvironment, taskQueue: string, bundle: WorkflowBundle, activities: object, onStop: () => Promise<void>): Promise<RunningWorker> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: bundle,
    activities,
    ...workflowTaskOptions(WORKER_TASK_DEFAULTS),
  });
  const running = worker.run();
  return {
    taskQueue,
    worker,
    stop: async () => {
      worker.shutdown();
      await running;
      await onStop();
    },
  };
}

export async function startCaseWorker(env: TestWorkflowEnvironment): Promise<RunningWorker & { readonly db: TestDatabase }> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: 10 });
  const activities = createCaseActivities({ store: createCaseEventStore(pool, { searchKey: DEV_SEARCH_INDEX_KEY, personalData: testPersonalData(pool) }), notifications: new RecordingNotificationPort() });
  const bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_SOURCE, logger: quiet, ...sourceBundlerOptions });
  const running = await run(env, uniqueTaskQueue('bench-case'), bundle, activities, async () => {
    await pool.end();
    await db.drop();
  });
  return { ...running, db };
}

export async function startBareWorker(env: TestWorkflowEnvironment): Promise<RunningWorker> {
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./bare-workflow'), logger: quiet });
  return run(env, uniqueTaskQueue('bench-bare'), bundle, {}, async () => undefined);
}
