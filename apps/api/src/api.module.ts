import { Module, type DynamicModule } from '@nestjs/common';
import type { ApiConfig } from '@baoho/config';
import { ObservabilityModule, type Logger } from '@baoho/observability';

/** HTTP for caseworkers and supervisors. For now: health and metrics; ready when PostgreSQL and Temporal answer. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ObservabilityModule.forRoot({
          app: 'api',
          logger,
          dependencies: { postgres: config.database, temporal: config.temporal },
        }),
      ],
    };
  }
}
