import { apiConfigSchema, loadConfig } from '@baoho/config';
import { runApp } from '@baoho/observability';
import { ApiModule } from './api.module';

void runApp({
  name: 'api',
  loadConfig: () => loadConfig(apiConfigSchema),
  module: (config, logger) => ApiModule.forRoot(config, logger),
});
