import { consoleConfigSchema, loadConfig } from '@baoho/config';
import { ProblemDetailsFilter } from '@baoho/http';
import { runApp } from '@baoho/observability';
import { apiProxy } from './api-proxy';
import { consoleAssets } from './console-assets';
import { ConsoleModule } from './console.module';
import { securityHeaders } from './security-headers';

void runApp({
  name: 'console',
  loadConfig: () => loadConfig(consoleConfigSchema),
  module: (config, logger) => ConsoleModule.forRoot(config, logger),
  // Bodies of /v1 calls are forwarded as they came, byte for byte: no parser in between.
  bodyParser: false,
  configure: (app, logger) => {
    const config = loadConfig(consoleConfigSchema);
    app.use(securityHeaders);
    app.use('/v1', apiProxy(config.console.apiUrl, logger));
    app.use(consoleAssets());
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
  },
});
