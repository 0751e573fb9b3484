import type { NestExpressApplication } from '@nestjs/platform-express';
import { intakeConfigSchema, loadConfig } from '@baoho/config';
import { ProblemDetailsFilter } from '@baoho/http';
import { runApp } from '@baoho/observability';
import { MAX_HOTLINE_EVENT_BYTES } from '@baoho/messaging';
import { IntakeModule } from './intake.module';

void runApp({
  name: 'intake',
  loadConfig: () => loadConfig(intakeConfigSchema),
  module: (config, logger) => IntakeModule.forRoot(config, logger),
  // Hotline bodies are read raw: the contract's own parser decides what is JSON, so a malformed body gets the
  // same refusal (and is stored) whether it came over Kafka or HTTP.
  bodyParser: false,
  configure: (app, logger) => {
    (app as NestExpressApplication).useBodyParser('raw', { type: () => true, limit: MAX_HOTLINE_EVENT_BYTES * 2 });
    app.useGlobalFilters(new ProblemDetailsFilter(logger));
  },
});
