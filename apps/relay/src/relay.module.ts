import { Module, type DynamicModule } from '@nestjs/common';
import type { RelayConfig } from '@baoho/config';
import { ObservabilityModule, type Logger } from '@baoho/observability';

/**
 * Event log → Kafka relay. For now the shell: its PostgreSQL pool and Kafka client (KAFKA_CLIENT, made by a
 * factory that survives a lost broker), health and metrics; ready when PostgreSQL and Kafka answer.
 */
@Module({})
export class RelayModule {
  static forRoot(config: RelayConfig, logger: Logger): DynamicModule {
    return {
      module: RelayModule,
      imports: [
        ObservabilityModule.forRoot({
          app: 'relay',
          logger,
          dependencies: { postgres: config.database, kafka: config.kafka },
        }),
      ],
    };
  }
}
