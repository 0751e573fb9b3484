import { Pool } from 'pg';
import { ReadAudit } from '../../../apps/api/src/audit/read-audit';
import { testPersonalData } from '../../support/keys';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// The read audit, newest first, a page at a time: every row exactly once across pages, in id order as numbers —
// where the id gains a digit (9 → 10) too (the list's id is selected as text, and a sort by that text put '9'
// before '12' and skipped rows between pages).
describe('the read audit, page after page', () => {
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

  it('lists every read once, newest first, across the ids 12 … 1', async () => {
    const audit = new ReadAudit(pool, testPersonalData(pool));
    const actor = { userId: 'cw-audit', role: 'caseworker' as const, missions: ['KR-SEL'] };
    for (let i = 1; i <= 12; i++) {
      await audit.record({ actor, caseId: `case-${i}`, caseMission: 'KR-SEL', part: 'case', purpose: 'case_work', breakGlass: false });
    }
    const reader = { userId: 'auditor-1', role: 'auditor' as const };
    const listed: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await audit.list({ limit: 5, ...(cursor ? { cursor } : {}) }, reader);
      listed.push(...page.items.map((item) => item.caseId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(listed).toEqual(Array.from({ length: 12 }, (_, i) => `case-${12 - i}`));
  });
});
