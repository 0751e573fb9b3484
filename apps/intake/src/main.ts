import { intakeConfigSchema, loadConfig } from '@baoho/config';
import { runApp } from '@baoho/observability';
import { IntakeModule } from './intake.module';

void runApp({
  name: 'intake',
  loadConfig: () => loadConfig(intakeConfigSchema),
  module: (config, logger) => IntakeModule.forRoot(config, logger),
});
