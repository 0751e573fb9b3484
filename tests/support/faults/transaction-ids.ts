// Moves the server's transaction ids up to just below the next power of ten, so the backlog an outage builds
// spans ids of two lengths (…9997, …9998, then 10000…). That is where the relay once sorted the log as text and
// lost events ('1001' before '917'); the suite makes every run cross one rather than leave it to chance.
import type { Pool } from 'pg';

/** Returns the id reached. Each loop turn is one committed transaction that took an id (a DO block may COMMIT). */
export async function approachNextPowerOfTen(pool: Pool, margin = 100): Promise<bigint> {
  const { rows } = await pool.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  const now = BigInt(rows[0]!.xid);
  let power = 10n;
  while (power - BigInt(margin) <= now) power *= 10n;
  const target = power - BigInt(margin);
  await pool.query(`DO $$ BEGIN WHILE pg_current_xact_id()::text::bigint < ${target} LOOP COMMIT; END LOOP; END $$`);
  return target;
}
