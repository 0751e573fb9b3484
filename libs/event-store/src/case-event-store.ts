import type { Pool } from 'pg';
import type { CasePersonalData } from '@baoho/crypto';
import { EventStore } from './event-store';
import { caseErasureProjection } from './projections/case-erasure.projection';
import { caseSearchProjection } from './projections/case-search.projection';
import { caseSummaryProjection } from './projections/case-summary.projection';

export interface CaseEventStoreOptions {
  /** The secret of the blind search index (shared by the worker that writes and the API that searches). */
  readonly searchKey: string;
  /** Opens the sealed personal parts the search index hashes (the case's data keys). */
  readonly personalData: CasePersonalData;
}

/**
 * The store the case workflows write through: one stream per case (stream id = case id), with the case summary,
 * open deadlines and the blind search index kept inside each append's transaction, so the worklist and search
 * are never behind the log; an erasure destroys the case's keys in the same transaction.
 */
export const createCaseEventStore = (pool: Pool, options: CaseEventStoreOptions): EventStore =>
  new EventStore(pool, { inlineProjections: [caseSummaryProjection, caseSearchProjection(options.searchKey, options.personalData), caseErasureProjection] });
