// Erasure at the key level: a case's data key and the keys of the refused payloads linked to it are wiped (the
// row stays, with `destroyed_at`, so nothing can quietly create a fresh key for the case and seal anew).
import type { Db } from './keyring';
import { caseKeyOwner } from './keyring';

/** Destroys the case's key and those of its linked rejections; returns how many keys were destroyed. */
export async function destroyCaseKeys(db: Db, caseId: string): Promise<number> {
  // The case's key row is locked before the linked rejections are listed: a replay linking a rejection to the case,
  // and a refusal naming the case, lock the same row (RejectionStore.markReplayed, .record), so either the link is
  // committed before the list below is read, or it waits and then finds the case's key destroyed and destroys the
  // rejection's key itself. Linked: replayed into the case, or refused while naming it (its source and eventId).
  await db.query(`SELECT 1 FROM data_keys WHERE owner = $1 FOR UPDATE`, [caseKeyOwner(caseId)]);
  const { rowCount } = await db.query(
    `WITH owners AS (
       SELECT $1::text AS owner
       UNION SELECT 'rejection:' || dedupe_key FROM hotline_rejections WHERE replayed_case_id = $2
       UNION SELECT 'rejection:' || dedupe_key FROM hotline_rejections WHERE reported_case_id = $2)
     INSERT INTO data_keys (owner, master_key_id, wrapped_key, destroyed_at)
       SELECT owner, NULL, NULL, now() FROM owners
     ON CONFLICT (owner) DO UPDATE SET master_key_id = NULL, wrapped_key = NULL,
       destroyed_at = COALESCE(data_keys.destroyed_at, now())`,
    [caseKeyOwner(caseId), caseId],
  );
  return rowCount ?? 0;
}
