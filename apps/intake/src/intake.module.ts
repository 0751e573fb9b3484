import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import type { IntakeConfig } from '@baoho/config';
import { AuthModule } from '@baoho/http';
import { ObservabilityModule, POSTGRES_POOL, TemporalConnectionHolder, type Logger } from '@baoho/observability';
import { createCasePersonalData, createKeyring } from '@baoho/crypto';
import { CaseOpener } from './hotline/case-opener';
import { HotlineIntake } from './hotline/hotline-intake';
import { HotlineEventsController } from './http/hotline-events.controller';
import { RejectionsController } from './http/rejections.controller';
import { intakeOutcomesProvider } from './intake-metrics';
import { HOTLINE_PURGE_INTERVAL_MS } from './intake-settings';
import { HotlineConsumerService } from './kafka/hotline-consumer.service';
import { RejectionStore } from './rejections/rejection-store';

/**
 * Hotline intake: hotline.calls.v1 (and POST /v1/hotline-events) → one case per report, through Temporal;
 * refused reports to the DLQ and the rejection store, where operators list and replay them.
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
        AuthModule.forRoot(config.auth),
      ],
      controllers: [HotlineEventsController, RejectionsController],
      providers: [
        intakeOutcomesProvider,
        { provide: HOTLINE_PURGE_INTERVAL_MS, useValue: config.hotline.purgeIntervalMs },
        {
          provide: CaseOpener,
          inject: [TemporalConnectionHolder, POSTGRES_POOL],
          useFactory: (holder: TemporalConnectionHolder, pool: Pool) =>
            // No key cache either: the intake only seals (a new case's key needs no unwrap), and a report that
            // reaches a case erased a moment ago elsewhere must find the key destroyed, not a cached copy of it.
            new CaseOpener(() => holder.client(), { taskQueue: config.temporal.taskQueue }, createCasePersonalData(pool, { ...config.keys, cacheTtlMs: 0 })),
        },
        { provide: HotlineIntake, inject: [CaseOpener], useFactory: (opener: CaseOpener) => new HotlineIntake(opener) },
        {
          provide: RejectionStore,
          inject: [POSTGRES_POOL],
          // No key cache: a rejection is read rarely, by hand, and must be unreadable the moment its case is
          // erased elsewhere (the API and worker erase; a cached key here would open it for the cache's TTL).
          useFactory: (pool: Pool) => new RejectionStore(pool, createKeyring(pool, { ...config.keys, cacheTtlMs: 0 }), config.search.indexKey),
        },
        HotlineConsumerService,
      ],
    };
  }
}
