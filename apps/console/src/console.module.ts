import { Module, type DynamicModule } from '@nestjs/common';
import type { ConsoleConfig } from '@baoho/config';
import { ObservabilityModule, type Logger } from '@baoho/observability';
import { CONSOLE_CONFIG, SessionController } from './session.controller';

/**
 * The console for supervisors and caseworkers: the static front end, `/v1/*` forwarded to the API (one origin,
 * so no CORS and a strict Content-Security-Policy), and the sign-in help. It holds no data of its own.
 */
@Module({})
export class ConsoleModule {
  static forRoot(config: ConsoleConfig, logger: Logger): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [ObservabilityModule.forRoot({ app: 'console', logger, dependencies: {} })],
      controllers: [SessionController],
      providers: [{ provide: CONSOLE_CONFIG, useValue: config.console }],
    };
  }
}
