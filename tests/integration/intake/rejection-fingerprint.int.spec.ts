import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { DEV_SEARCH_INDEX_KEY } from '@baoho/config';
import { RejectionStore } from '../../../apps/intake/src/rejections/rejection-store';
import { testKeyring } from '../../support/keys';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// A body refused over HTTP is stored once, however often it is sent, and found again by a fingerprint of the
// body. The fingerprint is keyed: a plain hash of a survivor's report would let anyone holding a copy of the
// database confirm a guessed report; this one confirms nothing without the deployment's key.
describe('the rejection store’s fingerprint of a body refused over HTTP', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const reason = { code: 'SCHEMA_INVALID', message: 'the event does not match the contract' };
  const body = Buffer.from(JSON.stringify({ version: 1, caller: { name: 'Nguyễn Thị Hoa', phone: '+84 912 345 678' } }));
  const stored = async (id: string) =>
    (await pool.query<{ dedupe_key: string; owner: string | null }>(
      `SELECT r.dedupe_key, k.owner FROM hotline_rejections r LEFT JOIN data_keys k ON k.owner = 'rejection:' || r.dedupe_key WHERE r.rejection_id = $1`,
      [id],
    )).rows[0]!;

  it('stores the same body once and keys it with an HMAC, not a plain SHA-256', async () => {
    const store = new RejectionStore(pool, testKeyring(pool), DEV_SEARCH_INDEX_KEY);
    const first = await store.record({ via: 'http', payload: body }, reason);
    const again = await store.record({ via: 'http', payload: body }, reason);
    expect(again).toBe(first);

    const plain = createHash('sha256').update(body).digest('hex');
    const row = await stored(first);
    expect(row.dedupe_key).toMatch(/^http-hmac1:[0-9a-f]{64}$/);
    expect(row.dedupe_key).not.toContain(plain);
    // the data key's owner is named after the fingerprint: no plain hash there either
    expect(row.owner).toBe(`rejection:${row.dedupe_key}`);
    const { rows } = await pool.query(`SELECT 1 FROM data_keys WHERE owner LIKE $1`, [`%${plain}%`]);
    expect(rows).toEqual([]);
  });

  it('gives another deployment (another key) another fingerprint of the same body', async () => {
    const ours = new RejectionStore(pool, testKeyring(pool), DEV_SEARCH_INDEX_KEY);
    const theirs = new RejectionStore(pool, testKeyring(pool), 'another-deployment-search-index-key');
    const a = await stored(await ours.record({ via: 'http', payload: Buffer.from('{"version":1,"x":"other"}') }, reason));
    const b = await stored(await theirs.record({ via: 'http', payload: Buffer.from('{"version":1,"x":"other"}') }, reason));
    expect(a.dedupe_key).not.toBe(b.dedupe_key);
  });
});
