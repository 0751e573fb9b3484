import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { DEV_SEARCH_INDEX_KEY } from '@baoho/config';
import {
  addMasterKey,
  CasePersonalData,
  caseKeyOwner,
  DataKeyErasedError,
  destroyCaseKeys,
  ensureMasterKeyFile,
  Keyring,
  LocalFileKeyProvider,
  parseMasterKeyFile,
  retireMasterKeys,
  rewrapDataKeys,
} from '@baoho/crypto';
import { caseSearchProjection, EventStore } from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// Master-key rotation on a real PostgreSQL: every data key re-wrapped by the new master key, every case still
// opens (even after the old master key is gone), and not one event row changed.
describe('master-key rotation', () => {
  let db: TestDatabase;
  let pool: Pool;
  let file: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    file = ensureMasterKeyFile(path.join(mkdtempSync(path.join(tmpdir(), 'baoho-keys-')), 'master-keys.json'));
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const personalData = (): CasePersonalData => new CasePersonalData(new Keyring(pool, new LocalFileKeyProvider(file), { cacheTtlMs: 0 }));

  it('re-wraps every data key, rewrites no event, and every case still opens', async () => {
    const sealer = personalData();
    // The search index opens the sealed parts inside each append (the case summary needs whole cases: not here).
    const store = new EventStore(pool, { inlineProjections: [caseSearchProjection(DEV_SEARCH_INDEX_KEY, sealer)] });
    const cases = Array.from({ length: 12 }, (_, i) => ({ caseId: `rot-${i}`, name: `Trần Thị Lan ${i}`, note: `note ${i}` }));
    for (const c of cases) {
      const personal = await sealer.seal(c.caseId, { subject: { fullName: c.name }, caller: { phone: `+84 90 000 00${10 + Number(c.caseId.slice(4))}` } });
      const text = await sealer.seal(c.caseId, c.note);
      await store.append(c.caseId, 0, [
        { eventId: `${c.caseId}:1`, type: 'NoteAdded', schemaVersion: 1, occurredAt: '2026-12-01T00:00:00.000Z', data: { at: '2026-12-01T00:00:00.000Z', by: 'cw-1' }, personal: { text } },
        { eventId: `${c.caseId}:2`, type: 'IdentityDocumentsSeen', schemaVersion: 1, occurredAt: '2026-12-01T00:00:00.000Z', data: { at: '2026-12-01T00:00:00.000Z', by: 'cw-1', document: 'passport' }, personal },
      ]);
    }
    const eventsBefore = (await pool.query<{ row: string }>(`SELECT e::text AS row FROM events e ORDER BY global_position`)).rows;
    const oldMasterKey = parseMasterKeyFile(readFileSync(file, 'utf8'), file).current;

    const newMasterKey = addMasterKey(file);
    const report = await rewrapDataKeys(pool, new LocalFileKeyProvider(file));
    expect(report).toEqual({ rewrapped: cases.length, stillInUse: [newMasterKey] });
    expect(await rewrapDataKeys(pool, new LocalFileKeyProvider(file))).toEqual({ rewrapped: 0, stillInUse: [newMasterKey] });
    expect(retireMasterKeys(file, [])).toEqual([oldMasterKey]);

    const reader = personalData();
    for (const c of cases) {
      const { rows } = await pool.query<{ personal: unknown }>(`SELECT personal FROM events WHERE stream_id = $1 ORDER BY stream_version`, [c.caseId]);
      const opened = await Promise.all(rows.map((row) => reader.open(c.caseId, row.personal)));
      expect(opened.map((o) => o.value)).toEqual([{ text: c.note }, { subject: { fullName: c.name }, caller: { phone: expect.any(String) } }]);
    }
    expect((await pool.query<{ row: string }>(`SELECT e::text AS row FROM events e ORDER BY global_position`)).rows).toEqual(eventsBefore);
    const { rows: keys } = await pool.query<{ master_key_id: string }>(`SELECT DISTINCT master_key_id FROM data_keys`);
    expect(keys).toEqual([{ master_key_id: newMasterKey }]);
  });

  it('a destroyed key opens nothing, is never re-created, and a sealed value does not open under another case', async () => {
    const sealer = personalData();
    const sealed = await sealer.seal('erase-me', 'Lê Thị Mai');
    await expect(sealer.open('other-case', sealed).then(() => 'opened', () => 'refused')).resolves.toBe('refused');
    await sealer.seal('other-case', 'x');
    await expect(sealer.open('other-case', sealed)).rejects.toThrow();
    expect((await sealer.open('erase-me', sealed)).value).toBe('Lê Thị Mai');

    expect(await destroyCaseKeys(pool, 'erase-me')).toBe(1);
    const fresh = personalData();
    expect(await fresh.open('erase-me', { name: sealed })).toEqual({ value: { name: '[erased]' }, erased: true });
    await expect(fresh.seal('erase-me', 'again')).rejects.toBeInstanceOf(DataKeyErasedError);
    const { rows } = await pool.query(`SELECT master_key_id, wrapped_key FROM data_keys WHERE owner = $1`, [caseKeyOwner('erase-me')]);
    expect(rows).toEqual([{ master_key_id: null, wrapped_key: null }]);
  });
});
