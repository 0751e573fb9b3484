// The relay's place in the log, in subscription_checkpoints like every follower's. Read and saved through the
// leader's own session (see relay-leadership.ts); the lag is counted through the pool, by leader and standby.
import type { Client, Pool } from 'pg';
import { START, type Checkpoint } from '@baoho/event-store';

export async function readCheckpoint(db: Client | Pool, subscriptionId: string): Promise<Checkpoint> {
  const { rows } = await db.query<{ transaction_id: string; position: string }>(
    `SELECT last_transaction_id::text AS transaction_id, last_global_position::text AS position
       FROM subscription_checkpoints WHERE subscription_id = $1`,
    [subscriptionId],
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, position: row.position } : START;
}

export async function saveCheckpoint(db: Client, subscriptionId: string, checkpoint: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO subscription_checkpoints (subscription_id, last_transaction_id, last_global_position, updated_at)
     VALUES ($1, $2::xid8, $3::bigint, now())
     ON CONFLICT (subscription_id) DO UPDATE
       SET last_transaction_id = EXCLUDED.last_transaction_id,
           last_global_position = EXCLUDED.last_global_position,
           updated_at = now()`,
    [subscriptionId, checkpoint.transactionId, checkpoint.position],
  );
}

/** Committed events beyond the checkpoint (counted up to `cap`, so a huge backlog stays a cheap query). */
export async function countLag(db: Client | Pool, checkpoint: Checkpoint, cap = 1_000_000): Promise<number> {
  const { rows } = await db.query<{ lag: number }>(
    `SELECT count(*)::int AS lag FROM (
       SELECT 1 FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint) LIMIT $3
     ) AS beyond`,
    [checkpoint.transactionId, checkpoint.position, cap],
  );
  return rows[0]?.lag ?? 0;
}
