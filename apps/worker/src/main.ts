import { loadConfig, workerConfigSchema } from '@baoho/config';
import { runApp } from '@baoho/observability';
import { WorkerModule } from './worker.module';

void runApp({
  name: 'worker',
  loadConfig: () => loadConfig(workerConfigSchema),
  module: (config, logger) => WorkerModule.forRoot(config, logger),
});
