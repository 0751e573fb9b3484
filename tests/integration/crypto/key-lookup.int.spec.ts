import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { CasePersonalData, DataKeyMissingError, destroyCaseKeys, ensureMasterKeyFile, Keyring, LocalFileKeyProvider } from '@baoho/crypto';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// A case reader starts the key lookup beside its log read (one round trip instead of two when the key is not in
// memory). The lookup started ahead must open exactly what `open` alone opens, report erasure the same way, and
// a lookup that fails where nothing sealed needs it must not surface at all (no unhandled rejection).
describe('a case key looked up ahead of opening', () => {
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

  const uncached = (): CasePersonalData => new CasePersonalData(new Keyring(pool, new LocalFileKeyProvider(file), { cacheTtlMs: 0 }));

  it('opens what open alone opens, and reads the key row once', async () => {
    const sealed = await uncached().seal('ahead-1', { subject: { fullName: 'Phạm Thị Thu' }, note: 'she asked that her family not be told' });
    const reader = uncached();
    const lookups = jest.spyOn(pool, 'query');
    const lookup = reader.lookUpKey('ahead-1');
    const opened = await reader.open('ahead-1', [sealed, null, sealed], undefined, lookup);
    expect(opened).toEqual({ value: [{ subject: { fullName: 'Phạm Thị Thu' }, note: 'she asked that her family not be told' }, null, expect.any(Object)], erased: false });
    expect(lookups.mock.calls.filter(([text]) => String(typeof text === 'string' ? text : (text as { text: string }).text).includes('data_keys'))).toHaveLength(1);
    lookups.mockRestore();
  });

  it('reads as erased once the key is destroyed', async () => {
    const sealed = await uncached().seal('ahead-2', 'Đỗ Thị Hạnh');
    await destroyCaseKeys(pool, 'ahead-2');
    const reader = uncached();
    expect(await reader.open('ahead-2', { name: sealed }, undefined, reader.lookUpKey('ahead-2'))).toEqual({ value: { name: '[erased]' }, erased: true });
  });

  it('says nothing about a missing key when nothing sealed needs it, and fails the open that does', async () => {
    const reader = uncached();
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      expect(await reader.open('no-such-case', { plain: 'written before sealing' }, undefined, reader.lookUpKey('no-such-case'))).toEqual({
        value: { plain: 'written before sealing' },
        erased: false,
      });
      const sealedElsewhere = await uncached().seal('ahead-3', 'x');
      await expect(reader.open('no-such-case', sealedElsewhere, undefined, reader.lookUpKey('no-such-case'))).rejects.toBeInstanceOf(DataKeyMissingError);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
