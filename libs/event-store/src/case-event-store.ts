import type { Pool } from 'pg';
import { EventStore } from './event-store';
import { caseSummaryProjection } from './projections/case-summary.projection';

/**
 * The store the case workflows write through: one stream per case (stream id = case id), with the case summary
 * and open deadlines kept inside each append's transaction, so the worklist is never behind the log.
 */
export const createCaseEventStore = (pool: Pool): EventStore =>
  new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
