// A real Temporal worker for the protection-case workflow in tests: workflow code bundled from sources, the
// worker's own activities over a fresh PostgreSQL database (migrated template), and a notification port that
// records what it was handed. Nothing is mocked: the store, the server and the workflow are the real ones.
import path from 'node:path';
import { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DEV_SEARCH_INDEX_KEY } from '@baoho/config';
import { createCaseEventStore, type EventStore } from '@baoho/event-store';
import type { CaseNotice } from '@baoho/workflows';
import { createCaseActivities } from '../../apps/worker/src/activities/case-activities';
import type { NotificationPort } from '../../apps/worker/src/notifications/notification-port';
import { testPersonalData } from './keys';
import { createTestDatabase, type TestDatabase } from './postgres';
import { sourceBundlerOptions, startTimeSkippingEnvironment, uniqueTaskQueue } from './temporal';

export const WORKFLOWS_SOURCE = path.resolve(__dirname, '../../workflows/src/index.ts');

export class RecordingNotificationPort implements NotificationPort {
  readonly notices: CaseNotice[] = [];
  async deliver(notice: CaseNotice): Promise<void> {
    this.notices.push(notice);
  }

  /**
   * The notices of `caseId` once `done` holds for them. The workflow hands notices over in the background, after
   * the command that recorded them has answered, so a test waits for them rather than reading at once.
   */
  async waitFor(caseId: string, done: (notices: CaseNotice[]) => boolean, timeoutMs = 15_000): Promise<CaseNotice[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const notices = this.notices.filter((notice) => notice.caseId === caseId);
      if (done(notices) || Date.now() > deadline) return notices;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface CaseWorkerHarness {
  readonly taskQueue: string;
  readonly db: TestDatabase;
  readonly pool: Pool;
  readonly store: EventStore;
  readonly notifications: RecordingNotificationPort;
  /** A new worker on the harness's task queue (e.g. to replace one that was shut down). */
  createWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function createCaseWorkerHarness(env: TestWorkflowEnvironment, prefix: string): Promise<CaseWorkerHarness> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: 5 });
  const store = createCaseEventStore(pool, { searchKey: DEV_SEARCH_INDEX_KEY, personalData: testPersonalData(pool) });
  const notifications = new RecordingNotificationPort();
  const taskQueue = uniqueTaskQueue(prefix);
  const activities = createCaseActivities({ store, notifications });
  let bundle: WorkflowBundle | undefined;
  return {
    taskQueue,
    db,
    pool,
    store,
    notifications,
    createWorker: async () => {
      // Bundled once per harness: replacing a worker mid-test should not cost another webpack build.
      bundle ??= await bundleWorkflowCode({ workflowsPath: WORKFLOWS_SOURCE, ...sourceBundlerOptions });
      return Worker.create({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue,
        workflowBundle: bundle,
        activities,
      });
    },
    close: async () => {
      await pool.end();
      await db.drop();
    },
  };
}

export interface CaseWorld {
  readonly env: TestWorkflowEnvironment;
  readonly harness: CaseWorkerHarness;
}

/**
 * The set-up every time-skipping case spec shares: a private test server, a harness with its database, one worker
 * running for the whole file, all torn down after it. `use` receives them once they are up.
 */
export function useTimeSkippingCaseWorker(prefix: string, use: (world: CaseWorld) => void): void {
  let env: TestWorkflowEnvironment | undefined;
  let harness: CaseWorkerHarness | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  beforeAll(async () => {
    env = await startTimeSkippingEnvironment();
    harness = await createCaseWorkerHarness(env, prefix);
    worker = await harness.createWorker();
    running = worker.run();
    use({ env, harness });
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await harness?.close();
    await env?.teardown();
  });
}
