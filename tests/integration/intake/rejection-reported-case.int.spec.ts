import { Pool } from 'pg';
import { DEV_SEARCH_INDEX_KEY } from '@baoho/config';
import { CasePersonalData, destroyCaseKeys } from '@baoho/crypto';
import { hotlineCaseId } from '../../../apps/intake/src/hotline/hotline-case';
import { RejectionStore } from '../../../apps/intake/src/rejections/rejection-store';
import { testKeyring } from '../../support/keys';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// A refused report whose source and eventId can be read is linked at once to the case they name — the case a
// corrected copy, or the hotline sending it again, opens. Erasing that case makes the refused copy unreadable
// too, replayed or not; a refusal that arrives after the erasure is unreadable from the start.
describe('a refused report and the case it names', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: RejectionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new RejectionStore(pool, testKeyring(pool), DEV_SEARCH_INDEX_KEY);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const reason = { code: 'SCHEMA_INVALID', message: 'the event does not match the contract' };
  const report = (eventId: string, extra: Record<string, unknown> = {}) =>
    Buffer.from(JSON.stringify({ eventId, source: 'citizen-protection-hotline', caller: { phone: '+84 912 000 111' }, subject: { fullName: 'Vũ Thị Ngọc' }, ...extra }));
  const openCase = (caseId: string) => new CasePersonalData(testKeyring(pool)).seal(caseId, 'her name, sealed when her case opened');
  const reportedCase = async (rejectionId: string) =>
    (await pool.query<{ reported_case_id: string | null }>(`SELECT reported_case_id FROM hotline_rejections WHERE rejection_id = $1`, [rejectionId])).rows[0]!.reported_case_id;

  it('links the refusal to the case its ids name, and erasing that case erases the refused copy', async () => {
    const caseId = hotlineCaseId('citizen-protection-hotline', 'hl-link-1');
    const rejected = await store.record({ via: 'http', payload: report('hl-link-1', { channel: 'pigeon' }) }, reason);
    expect(await reportedCase(rejected)).toBe(caseId);
    // the case is opened another way (a corrected copy from the hotline), never by replaying this rejection
    await openCase(caseId);
    expect((await store.get(rejected))?.payload).toContain('Vũ Thị Ngọc');

    expect(await destroyCaseKeys(pool, caseId)).toBe(2);
    expect(await store.get(rejected)).toEqual(expect.objectContaining({ status: 'open', payload: null, erased: true }));
  });

  it('stores a refusal of an erased case unreadable from the start', async () => {
    const caseId = hotlineCaseId('citizen-protection-hotline', 'hl-link-2');
    await openCase(caseId);
    await destroyCaseKeys(pool, caseId);
    const rejected = await store.record({ via: 'kafka', topic: 'hotline.calls.v1', partition: 0, offset: '41', key: Buffer.from('hl-link-2'), headers: {}, payload: report('hl-link-2', { minor: 'maybe' }) }, reason);
    expect(await store.get(rejected)).toEqual(expect.objectContaining({ payload: null, erased: true }));
  });

  it('links nothing when the ids cannot be read, and another case’s erasure leaves it readable', async () => {
    const unreadable = [Buffer.from('not json {'), report('has spaces in it'), Buffer.from(JSON.stringify({ eventId: 'hl-link-3' })), Buffer.from('[1,2]')];
    const ids = await Promise.all(unreadable.map((payload, i) => store.record({ via: 'kafka', topic: 'hotline.calls.v1', partition: 1, offset: String(i), key: null, headers: {}, payload }, reason)));
    expect(await Promise.all(ids.map(reportedCase))).toEqual([null, null, null, null]);
    const other = hotlineCaseId('citizen-protection-hotline', 'hl-link-4');
    await openCase(other);
    await destroyCaseKeys(pool, other);
    expect(await Promise.all(ids.map(async (id) => (await store.get(id))?.erased))).toEqual([false, false, false, false]);
  });
});
