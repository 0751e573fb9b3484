// Data keys, one per owner (a case: `case:<id>`; a refused hotline payload: `rejection:<dedupe key>`): 32 random
// bytes, created on first use, stored only wrapped by the current master key in `data_keys`, unwrapped on demand
// and cached briefly. A destroyed key (row wiped, `destroyed_at` set) never comes back: whatever it sealed is gone.
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { KeyCache } from './key-cache';
import type { KeyProvider } from './key-provider';
import { openText, sealText } from './sealed-envelope';

export type Db = Pick<Pool | PoolClient, 'query'>;

/** The owner's key was destroyed (erasure): its sealed values are unreadable for good. */
export class DataKeyErasedError extends Error {
  readonly code = 'PERSONAL_DATA_ERASED';
  constructor(readonly owner: string) {
    super(`the data key of ${owner} was destroyed`);
  }
}

/** The owner has no key (nothing was ever sealed for it). */
export class DataKeyMissingError extends Error {
  constructor(readonly owner: string) {
    super(`no data key for ${owner}`);
  }
}

export interface KeyringOptions {
  /** How many unwrapped keys to keep in memory (default 10,000). */
  readonly cacheSize?: number;
  /** How long an unwrapped key stays in memory (default 30 s): erasure elsewhere stops reads here within it. */
  readonly cacheTtlMs?: number;
  readonly clock?: () => number;
}

export const caseKeyOwner = (caseId: string): string => `case:${caseId}`;
export const rejectionKeyOwner = (dedupeKey: string): string => `rejection:${dedupeKey}`;

interface KeyRow {
  master_key_id: string | null;
  wrapped_key: Buffer | null;
  destroyed_at: Date | null;
}

export class Keyring {
  private readonly cache: KeyCache;

  constructor(
    private readonly db: Db,
    private readonly provider: KeyProvider,
    options: KeyringOptions = {},
  ) {
    this.cache = new KeyCache(options.cacheSize ?? 10_000, options.cacheTtlMs ?? 30_000, options.clock);
  }

  /** Seals a value (as JSON) for its owner, creating the owner's key on first use unless `create` is false. */
  async seal(owner: string, value: unknown, db: Db = this.db, create = true): Promise<string> {
    const key = await this.dataKey(owner, { create, db });
    return sealText(key, owner, JSON.stringify(value));
  }

  /** Opens a value the owner's key sealed; DataKeyErasedError when the key was destroyed. */
  async open(owner: string, sealed: string, db: Db = this.db): Promise<unknown> {
    const key = await this.dataKey(owner, { create: false, db });
    return JSON.parse(openText(key, owner, sealed)) as unknown;
  }

  /** Drops a key from this process's memory (after it was destroyed here). */
  forget(owner: string): void {
    this.cache.forget(owner);
  }

  async dataKey(owner: string, options: { readonly create: boolean; readonly db?: Db }): Promise<Buffer> {
    const cached = this.cache.get(owner);
    if (cached) return cached;
    const db = options.db ?? this.db;
    if (options.create) {
      // Creating is the common case where `create` is asked (an opening): one round trip, no unwrap.
      const created = await this.create(db, owner);
      if (created) {
        this.cache.set(owner, created);
        return created;
      }
    }
    const row = await this.row(db, owner);
    if (!row) throw new DataKeyMissingError(owner);
    if (row.destroyed_at || !row.wrapped_key || !row.master_key_id) throw new DataKeyErasedError(owner);
    const key = await this.provider.unwrap({ masterKeyId: row.master_key_id, wrapped: row.wrapped_key }, owner);
    this.cache.set(owner, key);
    return key;
  }

  private async row(db: Db, owner: string): Promise<KeyRow | undefined> {
    const { rows } = await db.query<KeyRow>(`SELECT master_key_id, wrapped_key, destroyed_at FROM data_keys WHERE owner = $1`, [owner]);
    return rows[0];
  }

  /**
   * A new key for the owner, or undefined when the owner has one already (or had one: a destroyed key is never
   * replaced). Two processes creating at once: one insert wins, the other reads the winner's key.
   */
  private async create(db: Db, owner: string): Promise<Buffer | undefined> {
    const key = randomBytes(32);
    const wrapped = await this.provider.wrap(key, owner);
    const { rowCount } = await db.query(
      `INSERT INTO data_keys (owner, master_key_id, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (owner) DO NOTHING`,
      [owner, wrapped.masterKeyId, wrapped.wrapped],
    );
    return rowCount === 1 ? key : undefined;
  }
}
