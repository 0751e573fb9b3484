// @baoho/event-store — the PostgreSQL event log, its projections and its migrations. The only public face.
export { EventStore, type EventStoreOptions } from './event-store';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projections/projection-runner';
export { caseSummaryProjection } from './projections/case-summary.projection';
export { createCaseEventStore, type CaseEventStoreOptions } from './case-event-store';
export { caseSearchProjection, searchTermHash } from './projections/case-search.projection';
export { ConcurrencyError, isConcurrencyError } from './errors/concurrency-error';
export { EventIdConflictError } from './errors/event-id-conflict-error';
export { InvalidAppendError } from './errors/invalid-append-error';
export {
  START,
  type AppendResult,
  type Checkpoint,
  type InlineProjection,
  type NewEvent,
  type Projection,
  type RawEvent,
  type ReadAllResult,
  type StoredEvent,
  type Upcaster,
} from './types';
export { createDataSource } from './data-source';
export { runMigrations } from './migrate';
export { MIGRATIONS } from './migrations/migration-list';
export { inTransaction } from './in-transaction';
