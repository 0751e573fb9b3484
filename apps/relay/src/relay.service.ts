import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { TOPICS } from '@baoho/messaging';
import { KAFKA_CLIENT, METRICS_REGISTRY, POSTGRES_POOL, ROOT_LOGGER, type Logger } from '@baoho/observability';
import { LogRelay } from './log-relay';
import { createRelayMetrics } from './relay-metrics';

export const LOG_RELAY = Symbol('LOG_RELAY');

/** The relay loop over the app's pool, Kafka client, metrics registry and logger. */
export const logRelayProvider = (databaseUrl: string) => ({
  provide: LOG_RELAY,
  inject: [POSTGRES_POOL, KAFKA_CLIENT, METRICS_REGISTRY, ROOT_LOGGER],
  useFactory: (pool: Pool, kafka: Kafka, registry: Registry, logger: Logger) =>
    new LogRelay({
      pool,
      databaseUrl,
      kafka,
      logger: logger.child({ component: 'log-relay' }),
      metrics: createRelayMetrics(registry),
      ensureTopics: [TOPICS.caseEvents, TOPICS.notifications],
    }),
});

/**
 * Runs the relay for the app's life. Not awaited at boot: the app serves health while it waits for the
 * leadership or for Kafka; at shutdown it finishes (or cuts off) the batch in flight and gives the lock back.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(LOG_RELAY) private readonly relay: LogRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
