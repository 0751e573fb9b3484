import fc from 'fast-check';
import { Pool } from 'pg';
import { fold, stuckReasons, type CaseEvent, type StuckReason } from '@baoho/domain';
import { EventStore, caseSummaryProjection } from '@baoho/event-store';
import { SupervisionQuery, type StuckCase } from '../../../apps/api/src/supervision/supervision-query';
import { days, hours } from '../../../libs/domain/test/support/fixtures';
import { run, sequences } from '../../../libs/domain/test/support/sequences';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { toNew } from '../../support/drive-case';

// The stuck list reads each case's kept `stuck_triggers` instead of folding its state. Random cases (the domain's
// property-test sequences, decided command by command and appended through the real event store with the inline
// projection) are listed at random instants after their last event, and every page must say exactly what the
// domain's `stuckReasons` says over each case's folded state at that instant: the same cases, the same reasons.

const CASES = 30;

const asListed = (reasons: readonly StuckReason[]) =>
  reasons.map((r) => ({ code: r.kind, ...('item' in r ? { item: r.item } : {}), ...('level' in r ? { level: r.level } : {}), since: r.since }));
/**
 * Reasons in one canonical order: the list gives them in the order of the case's items as the stored (jsonb) state
 * has its keys, which is not the order a fresh fold inserted them in.
 */
const canonical = (reasons: ReadonlyArray<{ code: string; item?: string }>) =>
  [...reasons].sort((a, b) => `${a.code}/${a.item ?? ''}`.localeCompare(`${b.code}/${b.item ?? ''}`));

describe('the stuck list from kept triggers', () => {
  let db: TestDatabase;
  let pool: Pool;
  let now = 0;
  let query: SupervisionQuery;
  const states = new Map<string, ReturnType<typeof fold>>();
  let lastEventAt = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    const store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    query = new SupervisionQuery(pool, () => now);
    const samples = fc.sample(sequences, { seed: 20_261_201, numRuns: CASES });
    for (const [n, [report, steps]] of samples.entries()) {
      const caseId = `rnd-${String(n).padStart(3, '0')}`;
      let version = 0;
      const events: CaseEvent[] = [];
      // One append per accepted command, as the workflow does: the projection continues from its stored state.
      for (const { produced } of run(report, steps).trail) {
        if (produced.length === 0) continue;
        const own = produced.map((e) => (e.type === 'CaseOpened' ? { ...e, data: { ...e.data, caseId } } : e)) as CaseEvent[];
        await store.append(caseId, version, own.map((e, i) => toNew(caseId, version + i + 1, e)));
        version += own.length;
        events.push(...own);
      }
      if (events.length === 0) continue;
      states.set(caseId, fold(events));
      lastEventAt = Math.max(lastEventAt, Date.parse(events[events.length - 1]!.data.at));
    }
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const listAll = async (): Promise<StuckCase[]> => {
    const items: StuckCase[] = [];
    let cursor: string | undefined;
    do {
      const page = await query.stuck({ limit: 7, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  };

  it('lists, at random instants, exactly the cases stuckReasons calls stuck, with the same reasons', async () => {
    expect(states.size).toBeGreaterThan(CASES / 2);
    const instants = fc.sample(fc.integer({ min: 0, max: days(30) }), { seed: 7, numRuns: 12 }).map((o) => lastEventAt + o);
    instants.push(lastEventAt, lastEventAt + hours(12), lastEventAt + days(2) + 1, lastEventAt + days(7));
    const kinds = new Set<string>();
    let listed = 0;
    for (const instant of instants) {
      now = instant;
      const expected = new Map(
        [...states].map(([caseId, state]) => [caseId, canonical(asListed(stuckReasons(state, instant)))] as const).filter(([, reasons]) => reasons.length > 0),
      );
      const items = await listAll();
      expect(new Map(items.map((c) => [c.caseId, canonical(c.reasons)]))).toEqual(expected);
      expect(items.map((c) => c.caseId).sort()).toEqual([...expected.keys()].sort()); // each listed once
      for (const c of items) {
        expect(c.stuckForMs).toBe(instant - Date.parse(c.stuckSince));
        for (const r of c.reasons) kinds.add(r.code);
      }
      listed += items.length;
    }
    expect(listed).toBeGreaterThan(0);
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });

  it('still lists a row written before triggers were kept, from its state', async () => {
    const [caseId, state] = [...states].find(([, s]) => stuckReasons(s, lastEventAt + days(30)).length > 0)!;
    now = lastEventAt + days(30);
    const before = (await listAll()).find((c) => c.caseId === caseId);
    await pool.query('UPDATE case_summary SET stuck_triggers = NULL WHERE case_id = $1', [caseId]);
    const after = (await listAll()).find((c) => c.caseId === caseId);
    expect(after).toEqual(before);
    expect(canonical(after!.reasons)).toEqual(canonical(asListed(stuckReasons(state, now))));
  });
});
