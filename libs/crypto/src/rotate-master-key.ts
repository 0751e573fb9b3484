// Master-key rotation: every live data key wrapped by an older master key is unwrapped and wrapped again by the
// current one. Only `data_keys` is rewritten (never an event); each row is updated only if no one changed it
// meanwhile, so a rotation can run beside the apps and be run again until nothing is left.
import type { Db } from './keyring';
import type { KeyProvider } from './key-provider';

export interface RotationReport {
  readonly rewrapped: number;
  /** Master keys still wrapping some data key (empty when rotation finished). */
  readonly stillInUse: readonly string[];
}

const BATCH = 500;

export async function rewrapDataKeys(db: Db, provider: KeyProvider): Promise<RotationReport> {
  const current = provider.currentMasterKeyId();
  let rewrapped = 0;
  let after = '';
  for (;;) {
    const { rows } = await db.query<{ owner: string; master_key_id: string; wrapped_key: Buffer }>(
      `SELECT owner, master_key_id, wrapped_key FROM data_keys
        WHERE wrapped_key IS NOT NULL AND master_key_id <> $1 AND owner > $2 ORDER BY owner LIMIT ${BATCH}`,
      [current, after],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const dataKey = await provider.unwrap({ masterKeyId: row.master_key_id, wrapped: row.wrapped_key }, row.owner);
      const wrapped = await provider.wrap(dataKey, row.owner);
      const { rowCount } = await db.query(
        `UPDATE data_keys SET master_key_id = $2, wrapped_key = $3 WHERE owner = $1 AND master_key_id = $4 AND wrapped_key IS NOT NULL`,
        [row.owner, wrapped.masterKeyId, wrapped.wrapped, row.master_key_id],
      );
      rewrapped += rowCount ?? 0;
    }
    after = rows[rows.length - 1]!.owner;
  }
  const { rows } = await db.query<{ master_key_id: string }>(
    `SELECT DISTINCT master_key_id FROM data_keys WHERE wrapped_key IS NOT NULL ORDER BY master_key_id`,
  );
  return { rewrapped, stillInUse: rows.map((row) => row.master_key_id) };
}
