import { loadConfig, relayConfigSchema } from '@baoho/config';
import { runApp } from '@baoho/observability';
import { RelayModule } from './relay.module';

void runApp({
  name: 'relay',
  loadConfig: () => loadConfig(relayConfigSchema),
  module: (config, logger) => RelayModule.forRoot(config, logger),
});
