import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import {
  DependencyDownError,
  describeError,
  HealthService,
  ROOT_LOGGER,
  type DependencyIndicator,
  type Logger,
} from '@baoho/observability';
import type { CaseActivities } from '@baoho/workflows';
import { CASE_ACTIVITIES } from './activities/case-activities.provider';
import { workflowTaskOptions, type WorkflowTaskLimits } from './workflow-task-options';

export const TEMPORAL_WORKER_OPTIONS = Symbol('TEMPORAL_WORKER_OPTIONS');

export interface TemporalWorkerOptions {
  readonly address: string;
  readonly namespace: string;
  readonly taskQueue: string;
  /** Case workflows kept in memory (libs/config: WORKER_MAX_CACHED_WORKFLOWS). */
  readonly maxCachedWorkflows?: number;
  /** Workflow tasks run and polled at once (libs/config: WORKER_MAX_CONCURRENT_WORKFLOW_TASKS and the polls). */
  readonly tasks?: WorkflowTaskLimits;
}

/** The workflows' module: `workflows/src`, which is `dist/workflows/src/index.js` once built. */
export const WORKFLOWS_PATH = require.resolve('../../../workflows/src');

const BACKOFF_INITIAL_MS = 500;
const BACKOFF_MAX_MS = 10_000;
/** In-flight workflow and activity tasks get this long to finish at shutdown. */
const SHUTDOWN_GRACE = '10s';
/**
 * A worker that shuts down by itself (its server was killed mid-poll) can hang in DRAINING for good, waiting on
 * tasks that will never complete: after this long `run()` gives up and the loop below starts a fresh worker,
 * so the app recovers in the same process.
 */
const SHUTDOWN_FORCE = '30s';

/**
 * Runs the Temporal worker for as long as the app lives. When Temporal cannot be reached (at boot or later),
 * it retries with capped exponential backoff and reports `temporal-worker` down in readiness instead of
 * crashing. On shutdown it stops polling, lets in-flight tasks finish, and closes its connection.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown, DependencyIndicator {
  readonly name = 'temporal-worker';
  private readonly logger: Logger;
  private worker: Worker | undefined;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private lastError = 'starting';

  constructor(
    @Inject(TEMPORAL_WORKER_OPTIONS) private readonly options: TemporalWorkerOptions,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
    private readonly health: HealthService,
    @Inject(CASE_ACTIVITIES) private readonly activities: CaseActivities,
  ) {
    this.logger = rootLogger.child({ component: 'temporal-worker', taskQueue: options.taskQueue });
  }

  onApplicationBootstrap(): void {
    this.health.register(this);
    this.loop = this.runUntilStopped();
  }

  async check(): Promise<void> {
    const state = this.worker?.getState();
    if (state !== 'RUNNING') throw new DependencyDownError(state ? state.toLowerCase() : this.lastError);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.loop;
  }

  private async runUntilStopped(): Promise<void> {
    let bundle: WorkflowBundle | undefined;
    for (let attempt = 0; !this.stopping; attempt++) {
      let connection: NativeConnection | undefined;
      let failure: string | undefined;
      try {
        bundle ??= await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger(this.logger) });
        connection = await NativeConnection.connect({ address: this.options.address });
        const worker = await Worker.create({
          connection,
          namespace: this.options.namespace,
          taskQueue: this.options.taskQueue,
          workflowBundle: bundle,
          activities: this.activities,
          ...(this.options.maxCachedWorkflows ? { maxCachedWorkflows: this.options.maxCachedWorkflows } : {}),
          ...(this.options.tasks ? workflowTaskOptions(this.options.tasks) : {}),
          shutdownGraceTime: SHUTDOWN_GRACE,
          shutdownForceTime: SHUTDOWN_FORCE,
        });
        this.worker = worker;
        const running = worker.run();
        if (this.stopping) worker.shutdown();
        this.logger.info({ namespace: this.options.namespace }, 'Temporal worker running');
        attempt = -1;
        await running;
        if (!this.stopping) {
          this.lastError = 'stopped';
          failure = 'the worker stopped by itself';
        }
      } catch (error) {
        this.lastError = 'unavailable';
        failure = describeError(error);
      } finally {
        this.worker = undefined;
        await connection?.close().catch((error: unknown) =>
          this.logger.warn({ error: describeError(error) }, 'could not close the worker connection'),
        );
      }
      if (this.stopping) break;
      const delayMs = Math.round(backoff(Math.max(attempt, 0)));
      if (failure) this.logger.warn({ error: failure, retryInMs: delayMs }, 'Temporal worker could not run; retrying');
      await this.sleep(delayMs);
    }
    this.logger.info('Temporal worker stopped');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

function backoff(attempt: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** The bundler reports each build at INFO; keep it at DEBUG so boot logs stay short. */
function quietBundlerLogger(logger: Logger) {
  const child = logger.child({ component: 'workflow-bundler' });
  return {
    log: (_level: string, message: string, meta?: Record<string, unknown>) => child.debug(meta ?? {}, message),
    trace: (message: string, meta?: Record<string, unknown>) => child.trace(meta ?? {}, message),
    debug: (message: string, meta?: Record<string, unknown>) => child.debug(meta ?? {}, message),
    info: (message: string, meta?: Record<string, unknown>) => child.debug(meta ?? {}, message),
    warn: (message: string, meta?: Record<string, unknown>) => child.warn(meta ?? {}, message),
    error: (message: string, meta?: Record<string, unknown>) => child.error(meta ?? {}, message),
  };
}
