import {
  Inject,
  Injectable,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { createKafkaClient, KafkaIndicator, type KafkaOptions } from './dependencies/kafka';
import { createPostgresPool, PostgresIndicator } from './dependencies/postgres';
import { TemporalConnectionHolder, TemporalIndicator, type TemporalOptions } from './dependencies/temporal';
import type { DependencyIndicator } from './health/dependency-indicator';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { createMetricsRegistry } from './metrics/metrics-registry';
import { MetricsController } from './metrics/metrics.controller';
import { HEALTH_INDICATORS, KAFKA_CLIENT, METRICS_REGISTRY, POSTGRES_POOL, ROOT_LOGGER } from './tokens';

export interface ObservabilityOptions {
  /** The app's name: a label on every metric, a field on every log line. */
  readonly app: string;
  readonly logger: Logger;
  /** The dependencies this app needs to be ready, in the order readiness lists them. */
  readonly dependencies: {
    readonly postgres?: { readonly url: string };
    readonly kafka?: KafkaOptions;
    readonly temporal?: TemporalOptions;
  };
}

/** How long closing one client may take at shutdown before it is abandoned. */
const CLOSE_TIMEOUT_MS = 5_000;

/** Closes the clients this module opened, each within a bound, when the app shuts down. */
@Injectable()
class DependencyCloser implements OnApplicationShutdown {
  constructor(
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(POSTGRES_POOL) private readonly pool?: Pool,
    @Optional() private readonly kafka?: KafkaIndicator,
    @Optional() private readonly temporal?: TemporalConnectionHolder,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const closing: Array<[string, Promise<void> | undefined]> = [
      ['postgres', this.pool?.end()],
      ['kafka', this.kafka?.close()],
      ['temporal', this.temporal?.close()],
    ];
    await Promise.all(
      closing.map(async ([name, done]) => {
        if (!done) return;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS);
        });
        const outcome = await Promise.race([done.then(() => 'closed' as const), timeout]).catch(() => 'failed' as const);
        clearTimeout(timer);
        if (outcome !== 'closed') this.logger.warn({ dependency: name, outcome }, 'a client did not close cleanly');
      }),
    );
  }
}

/**
 * Logs, metrics and health for one app: `/health/live`, `/health` (readiness over the app's dependencies),
 * `/metrics`; and the clients of those dependencies, shared with the app through the exported tokens.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const { app, logger, dependencies } = options;
    const providers: Provider[] = [
      { provide: ROOT_LOGGER, useValue: logger },
      { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(app) },
    ];
    const indicators: Array<symbol | typeof PostgresIndicator | typeof KafkaIndicator | typeof TemporalIndicator> = [];
    const exported: Array<symbol | typeof TemporalConnectionHolder> = [ROOT_LOGGER, METRICS_REGISTRY];

    if (dependencies.postgres) {
      const { url } = dependencies.postgres;
      providers.push(
        { provide: POSTGRES_POOL, useFactory: () => createPostgresPool({ url, applicationName: `baoho-${app}`, max: 10 }, logger) },
        { provide: PostgresIndicator, useFactory: (pool: Pool) => new PostgresIndicator(pool), inject: [POSTGRES_POOL] },
      );
      indicators.push(PostgresIndicator);
      exported.push(POSTGRES_POOL);
    }
    if (dependencies.kafka) {
      const kafkaOptions = dependencies.kafka;
      providers.push(
        { provide: KAFKA_CLIENT, useFactory: () => createKafkaClient(kafkaOptions, logger) },
        { provide: KafkaIndicator, useFactory: (kafka: Kafka) => new KafkaIndicator(kafka), inject: [KAFKA_CLIENT] },
      );
      indicators.push(KafkaIndicator);
      exported.push(KAFKA_CLIENT);
    }
    if (dependencies.temporal) {
      const temporalOptions = dependencies.temporal;
      providers.push(
        { provide: TemporalConnectionHolder, useFactory: () => new TemporalConnectionHolder(temporalOptions) },
        {
          provide: TemporalIndicator,
          useFactory: (holder: TemporalConnectionHolder) => new TemporalIndicator(holder),
          inject: [TemporalConnectionHolder],
        },
      );
      indicators.push(TemporalIndicator);
      exported.push(TemporalConnectionHolder);
    }
    providers.push(
      {
        provide: HEALTH_INDICATORS,
        useFactory: (...found: DependencyIndicator[]) => found,
        inject: indicators,
      },
      HealthService,
      DependencyCloser,
    );

    return {
      module: ObservabilityModule,
      global: true,
      providers,
      controllers: [HealthController, MetricsController],
      exports: [...exported, HealthService],
    };
  }
}
