import { Module, type DynamicModule } from '@nestjs/common';
import type { RelayConfig } from '@baoho/config';
import { ObservabilityModule, type Logger } from '@baoho/observability';
import { logRelayProvider, RelayService } from './relay.service';

/**
 * Event log → Kafka relay: the log in commit order to protection.case-events.v1 (and notices to
 * protection.notifications.v1), at least once, one leader at a time (see log-relay.ts). Health and metrics
 * (baoho_relay_lag_events, baoho_relay_published_total…); ready when PostgreSQL and Kafka answer.
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
      providers: [logRelayProvider(config.database.url), RelayService],
    };
  }
}
