import { Module, type DynamicModule } from '@nestjs/common';
import type { WorkerConfig } from '@baoho/config';
import { ObservabilityModule, type Logger } from '@baoho/observability';
import { caseActivitiesProvider } from './activities/case-activities.provider';
import { installTemporalRuntime } from './temporal-runtime';
import { TEMPORAL_WORKER_OPTIONS, TemporalWorkerService, type TemporalWorkerOptions } from './temporal-worker.service';

/** The Temporal worker of the protection-case workflows; ready when Temporal, PostgreSQL and the worker are. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig, logger: Logger): DynamicModule {
    installTemporalRuntime(logger);
    const options: TemporalWorkerOptions = {
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      maxCachedWorkflows: config.cache.maxCachedWorkflows,
      tasks: config.tasks,
    };
    return {
      module: WorkerModule,
      imports: [
        ObservabilityModule.forRoot({
          app: 'worker',
          logger,
          dependencies: { temporal: config.temporal, postgres: config.database },
        }),
      ],
      providers: [{ provide: TEMPORAL_WORKER_OPTIONS, useValue: options }, caseActivitiesProvider(config.search.indexKey, config.keys), TemporalWorkerService],
    };
  }
}
