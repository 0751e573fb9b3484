import type { Pool } from 'pg';
import { inTransaction } from '../in-transaction';
import { quoteTable } from '../queryable';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from '../read/event-row';
import type { Projection, Upcaster } from '../types';

const BATCH = 1000;

/**
 * Truncates an inline projection's tables and replays the whole log into them, in one transaction. Appends are
 * held back meanwhile (the lock conflicts with every insert into `events`): once it is granted, no append is in
 * flight, so every event is committed and visible, and appends that waited apply their own inline projection
 * on top of the rebuilt tables after commit. Readers of the tables wait too (TRUNCATE); rebuilds are rare.
 */
export async function rebuildInline(pool: Pool, projection: Projection, upcast: Upcaster | undefined): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE');
    if (projection.tables.length > 0) await client.query(`TRUNCATE ${projection.tables.map(quoteTable).join(', ')}`);
    let after = '0';
    let replayed = 0;
    for (;;) {
      const { rows } = await client.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return replayed;
      await projection.apply(client, rows.map((row) => toStoredEvent(row, upcast)));
      replayed += rows.length;
      after = rows[rows.length - 1]!.global_position;
    }
  });
}
