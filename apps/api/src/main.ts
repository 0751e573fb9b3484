import { apiConfigSchema, loadConfig } from '@baoho/config';
import { ProblemDetailsFilter } from '@baoho/http';
import { runApp } from '@baoho/observability';
import { ApiModule } from './api.module';

void runApp({
  name: 'api',
  loadConfig: () => loadConfig(apiConfigSchema),
  module: (config, logger) => ApiModule.forRoot(config, logger),
  configure: (app, logger) => app.useGlobalFilters(new ProblemDetailsFilter(logger)),
});
