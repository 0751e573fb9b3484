import { Module, type DynamicModule } from '@nestjs/common';
import type { IntakeConfig } from '@baoho/config';
import { ObservabilityModule, type Logger } from '@baoho/observability';

/**
 * Hotline intake (Kafka consumer → Temporal). For now the shell: its Kafka client (KAFKA_CLIENT, made by a
 * factory that survives a lost broker), health and metrics; ready when Kafka, Temporal and PostgreSQL answer.
 */
@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig, logger: Logger): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ObservabilityModule.forRoot({
          app: 'intake',
          logger,
          dependencies: { kafka: config.kafka, temporal: config.temporal, postgres: config.database },
        }),
      ],
    };
  }
}
