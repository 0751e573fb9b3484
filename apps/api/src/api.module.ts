import { Module, type DynamicModule } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ApiConfig } from '@baoho/config';
import { createCasePersonalData, type CasePersonalData } from '@baoho/crypto';
import { EventStore } from '@baoho/event-store';
import { AuthModule } from '@baoho/http';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY, ObservabilityModule, POSTGRES_POOL, TemporalConnectionHolder, type Logger } from '@baoho/observability';
import { AuditController } from './audit/audit.controller';
import { ReadAudit } from './audit/read-audit';
import { CaseAccess } from './auth/case-access';
import { CaseGateway } from './cases/case-gateway';
import { MeController } from './me/me.controller';
import { CaseReader } from './cases/case-reader';
import { CasesController } from './cases/cases.controller';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ListCache } from './lists/list-cache';
import { createListCacheMetrics } from './lists/list-cache-metrics';
import { ListInvalidation } from './lists/list-invalidation';
import { ListResponder } from './lists/list-responder';
import { OpenApiController } from './openapi/openapi.controller';
import { CaseSearch } from './search/case-search';
import { SearchController } from './search/search.controller';
import { StaffController } from './staff/staff.controller';
import { StaffDirectory } from './staff/staff-directory';
import { IndicatorsQuery } from './supervision/indicators-query';
import { SupervisionController } from './supervision/supervision.controller';
import { SupervisionQuery } from './supervision/supervision-query';
import { WorklistQuery } from './worklists/worklist-query';
import { WorklistsController } from './worklists/worklists.controller';

const CASE_PERSONAL_DATA = Symbol('CASE_PERSONAL_DATA');

/** HTTP for caseworkers and supervisors: cases, their commands (as workflow updates) and the worklists. */
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
        AuthModule.forRoot(config.auth),
      ],
      controllers: [CasesController, WorklistsController, SearchController, SupervisionController, AuditController, MeController, StaffController, OpenApiController],
      providers: [
        // One keyring for the app (its cache is what erasure clears at once in this process).
        { provide: CASE_PERSONAL_DATA, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => createCasePersonalData(pool, config.keys) },
        {
          provide: CaseGateway,
          inject: [TemporalConnectionHolder, CASE_PERSONAL_DATA],
          useFactory: (holder: TemporalConnectionHolder, personal: CasePersonalData) =>
            new CaseGateway(() => holder.client(), config.temporal.taskQueue, personal),
        },
        // Reads the log only; appends are the workflows' (invariant 2).
        {
          provide: CaseReader,
          inject: [POSTGRES_POOL, CASE_PERSONAL_DATA],
          useFactory: (pool: Pool, personal: CasePersonalData) => new CaseReader(new EventStore(pool), personal),
        },
        { provide: CaseAccess, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new CaseAccess(pool) },
        { provide: ReadAudit, inject: [POSTGRES_POOL, CASE_PERSONAL_DATA], useFactory: (pool: Pool, personal: CasePersonalData) => new ReadAudit(pool, personal) },
        { provide: IdempotencyService, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new IdempotencyService(pool, config.search.indexKey) },
        { provide: WorklistQuery, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new WorklistQuery(pool) },
        { provide: SupervisionQuery, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new SupervisionQuery(pool) },
        { provide: IndicatorsQuery, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new IndicatorsQuery(pool) },
        // The list cache and its one LISTEN connection (off: every list request runs its query).
        {
          provide: ListResponder,
          inject: [METRICS_REGISTRY],
          useFactory: (registry: Registry) => {
            if (!config.lists.enabled) return new ListResponder(null, null, createListCacheMetrics(registry, null));
            const cache = new ListCache(config.lists.maxBytes);
            const invalidation = new ListInvalidation(cache, { url: config.database.url }, logger);
            void invalidation.start();
            return new ListResponder(cache, invalidation, createListCacheMetrics(registry, cache));
          },
        },
        { provide: StaffDirectory, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new StaffDirectory(pool) },
        { provide: CaseSearch, inject: [POSTGRES_POOL], useFactory: (pool: Pool) => new CaseSearch(pool, config.search.indexKey) },
      ],
    };
  }
}
