import type { Queryable } from '../queryable';
import type { Checkpoint, ReadAllResult, Upcaster } from '../types';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';

// Global positions come from a sequence, so a transaction that started early can commit *after* a later one
// and leave a gap that fills in later. Reading in commit order avoids skipping it: order by the writing
// transaction id, and read only transactions older than the oldest one still running (they can no longer
// change). The technique is the one emmett's PostgreSQL store uses.
//
// The ORDER BY names the table's columns (`events.`): the select list carries `transaction_id::text AS
// transaction_id`, and a bare name in ORDER BY means the OUTPUT column when there is one, so the log was sorted
// as text ('1001' before '917') while filtered as a number. A batch spanning a power of ten came out of commit
// order, and one cut by the LIMIT there set its checkpoint past events it never held: they were never published
// (issue 9's fault suite, around a Kafka outage, when the backlog crossed xid 1000).
const READ_ALL = {
  name: 'baoho_event_store_read_all',
  text: `
SELECT ${EVENT_COLUMNS}
  FROM events
 WHERE events.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   AND (events.transaction_id, events.global_position) > ($1::xid8, $2::bigint)
 ORDER BY events.transaction_id, events.global_position
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
