import type { Queryable } from '../queryable';
import type { Checkpoint, ReadAllResult, Upcaster } from '../types';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';

// Global positions come from a sequence, so a transaction that started early can commit *after* a later one
// and leave a gap that fills in later. Reading in commit order avoids skipping it: order by the writing
// transaction id, and read only transactions older than the oldest one still running (they can no longer
// change). The technique is the one emmett's PostgreSQL store uses.
const READ_ALL = {
  name: 'baoho_event_store_read_all',
  text: `
SELECT ${EVENT_COLUMNS}
  FROM events
 WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   AND (transaction_id, global_position) > ($1::xid8, $2::bigint)
 ORDER BY transaction_id, global_position
 LIMIT $3`,
};

/**
 * Up to `limit` events after `checkpoint`, in commit order. A long-running write transaction anywhere in the
 * database holds the reader back until it ends: that is the price of never missing an event.
 */
export async function readAllFrom(
  db: Queryable,
  checkpoint: Checkpoint,
  limit: number,
  upcast: Upcaster | undefined,
): Promise<ReadAllResult> {
  const { rows } = await db.query<EventRow>({ ...READ_ALL, values: [checkpoint.transactionId, checkpoint.position, limit] });
  const events = rows.map((row) => toStoredEvent(row, upcast));
  const last = events[events.length - 1];
  return { events, checkpoint: last ? { transactionId: last.transactionId, position: last.globalPosition } : checkpoint };
}
