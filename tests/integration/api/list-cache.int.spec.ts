import { Pool } from 'pg';
import { EventStore, caseSummaryProjection } from '@baoho/event-store';
import { ListCache } from '../../../apps/api/src/lists/list-cache';
import { ListInvalidation } from '../../../apps/api/src/lists/list-invalidation';
import type { ListPage } from '../../../apps/api/src/lists/page-body';
import { SupervisionQuery, type ScopedListQuery } from '../../../apps/api/src/supervision/supervision-query';
import { WorklistQuery, type MissionListQuery } from '../../../apps/api/src/worklists/worklist-query';
import type { CaseScope } from '../../../apps/api/src/auth/scope';
import { T0, checkClocks, command, hotlineReport, hours, minutes, standardReport, supervisor } from '../../../libs/domain/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import pino from 'pino';
import { drive, type DrivenCase } from '../../support/drive-case';

// The list cache against real PostgreSQL: pages kept in memory, dropped by the case_summary trigger's notices on
// the one LISTEN connection, expiring when the clock alone would change them. Every cached answer is compared,
// byte for byte, with a fresh uncached answer at the same instant.

const until = async (condition: () => boolean, what: string): Promise<void> => {
  const end = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('list cache', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: EventStore;
  let now = T0;
  const clock = () => now;
  let cache: ListCache;
  let invalidation: ListInvalidation;
  let supervision: SupervisionQuery;
  let worklists: WorklistQuery;
  let seoulCritical: DrivenCase;
  let seoulStandard: DrivenCase;
  let tokyo: DrivenCase;
  let taipeiHigh: DrivenCase;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    supervision = new SupervisionQuery(pool, clock);
    worklists = new WorklistQuery(pool, clock);
    cache = new ListCache(8 * 1024 * 1024, clock);
    invalidation = new ListInvalidation(cache, { url: db.url, heartbeatMs: 200, retryMs: 50 }, pino({ level: 'silent' }));
    await invalidation.start();
    // KR-SEL: a critical case that misses its first contact (due T0 + 1 h) and escalates; a standard one, assigned.
    seoulCritical = await drive(store, [[hotlineReport(), T0], [checkClocks, T0 + hours(1)]]);
    seoulStandard = await drive(store, [
      [standardReport(), T0],
      [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)],
    ]);
    // JP-TYO: a critical case, nothing else.
    tokyo = await drive(store, [[hotlineReport({ countryCode: 'JP', city: 'Tokyo' }), T0]]);
    // TW-TPE: a critical case stuck from T0 + 1 h (its first contact missed), a standard one stuck for days, and a
    // high-risk one opened at T0 + 3 h that becomes stuck later — between the other two in the stuck order.
    await drive(store, [[hotlineReport({ countryCode: 'TW', city: 'Taipei' }), T0]]);
    await drive(store, [[standardReport({ countryCode: 'TW', city: 'Taipei' }), T0 - hours(240)]]);
    taipeiHigh = await drive(store, [[hotlineReport({ countryCode: 'TW', city: 'Taipei', immediateDanger: false }), T0 + hours(3)]]);
    // KR-PUS: a critical case escalated at T0 + 1 h and a standard one, assigned, whose closure waits from T0 + 1 h.
    await drive(store, [[hotlineReport({ city: 'Busan' }), T0], [checkClocks, T0 + hours(1)]]);
    await drive(store, [
      [standardReport({ city: 'Busan' }), T0],
      [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-9' }), T0 + minutes(5)],
      [command('RequestClosure', { reason: 'survivor_wish' }), T0 + hours(1)],
    ]);
  });

  afterAll(async () => {
    await invalidation?.stop();
    await pool?.end();
    await db?.drop();
  });

  /** What the controller does: the kept page if it is still the answer, else the query (kept for next time). */
  const served = async (key: string, missions: readonly string[] | null, compute: (withExpiry: boolean) => Promise<ListPage>): Promise<{ body: string; hit: boolean }> => {
    const found = cache.read(key, missions);
    if ('page' in found) return { body: found.page.body.render(found.now).bytes.toString(), hit: true };
    const page = await compute(found.ticket !== null);
    cache.keep(key, missions, found.ticket, page);
    return { body: page.body.render(page.computedAt).bytes.toString(), hit: false };
  };
  const fresh = async (compute: (withExpiry: boolean) => Promise<ListPage>): Promise<string> => {
    const page = await compute(false);
    return page.body.render(page.computedAt).bytes.toString();
  };
  const stuck = (missions: readonly string[] | null, limit = 50) => {
    const query: ScopedListQuery = { limit, missions };
    const compute = (withExpiry: boolean) => supervision.stuckPage(query, withExpiry);
    return { cached: () => served(`stuck:${JSON.stringify(missions)}:${limit}`, missions, compute), fresh: () => fresh(compute) };
  };
  const cases = (scope: CaseScope, query: Partial<MissionListQuery> = {}) => {
    const q: MissionListQuery = { limit: 50, ...query };
    const missions = scope.kind === 'all' ? (q.mission ? [q.mission] : null) : scope.kind === 'none' ? [] : scope.missions;
    const compute = async () => (await worklists.missionPage(q, scope)).listPage;
    return { cached: () => served(`cases:${JSON.stringify([scope, q])}`, missions, compute), fresh: () => fresh(compute) };
  };
  const itemsOf = (body: string): Array<{ caseId: string; stuckForMs?: number; overdue?: boolean }> => (JSON.parse(body) as { items: [] }).items;

  it('listens, then serves a kept page equal to a fresh answer, its stuckForMs moving with the clock', async () => {
    await until(() => cache.isAvailable, 'the LISTEN connection');
    now = T0 + hours(1) + minutes(1);
    const seoul = stuck(['KR-SEL']);
    const first = await seoul.cached();
    expect(first.hit).toBe(false);
    expect(itemsOf(first.body).map((c) => c.caseId)).toEqual([seoulCritical.caseId]);
    now += 1234;
    const second = await seoul.cached();
    expect(second.hit).toBe(true);
    expect(second.body).toBe(await seoul.fresh());
    expect(itemsOf(second.body)[0]!.stuckForMs).toBe(minutes(1) + 1234);
  });

  it('never serves one scope’s page to another: each scope’s cached answer is its own fresh one', async () => {
    const scopes = [['KR-SEL'], ['JP-TYO'], ['KR-SEL', 'JP-TYO'], null, []] as const;
    for (const missions of scopes) await stuck(missions as readonly string[] | null).cached();
    for (const missions of scopes) {
      const list = stuck(missions as readonly string[] | null);
      const answer = await list.cached();
      expect(answer.hit).toBe(true);
      expect(answer.body).toBe(await list.fresh());
    }
    expect(itemsOf((await stuck(['JP-TYO']).cached()).body).map((c) => c.caseId)).toEqual([tokyo.caseId]);
    expect(itemsOf((await stuck([]).cached()).body)).toEqual([]);
    // The mission list, by the caller's whole scope: a caseworker of KR-SEL sees only her own case.
    const own: CaseScope = { kind: 'own', missions: ['KR-SEL'], userId: 'cw-1' };
    const sup: CaseScope = { kind: 'missions', missions: ['KR-SEL'] };
    for (const scope of [own, sup, { kind: 'all' } as CaseScope]) await cases(scope).cached();
    for (const scope of [own, sup, { kind: 'all' } as CaseScope]) {
      const answer = await cases(scope).cached();
      expect(answer.hit).toBe(true);
      expect(answer.body).toBe(await cases(scope).fresh());
    }
    expect(itemsOf((await cases(own).cached()).body).map((c) => c.caseId)).toEqual([seoulStandard.caseId]);
    expect(itemsOf((await cases(sup).cached()).body).map((c) => c.caseId).sort()).toEqual([seoulCritical.caseId, seoulStandard.caseId].sort());
  });

  it('drops the pages of a mission when one of its cases changes, and only those', async () => {
    const seoul = stuck(['KR-SEL']);
    const tokyoList = stuck(['JP-TYO']);
    const everyMission = stuck(null);
    await seoul.cached();
    await tokyoList.cached();
    await everyMission.cached();
    const heard = cache.stats.invalidations;
    // The critical case's first contact is recorded: it is no longer stuck for that deadline.
    seoulCritical = await drive(
      store,
      [[command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }), now]],
      seoulCritical,
    );
    await until(() => cache.stats.invalidations > heard, 'the notice of the write');
    const afterWrite = await seoul.cached();
    expect(afterWrite.hit).toBe(false);
    expect(afterWrite.body).toBe(await seoul.fresh());
    expect((await everyMission.cached()).hit).toBe(false);
    const other = await tokyoList.cached();
    expect(other.hit).toBe(true); // JP-TYO did not change
    expect(other.body).toBe(await tokyoList.fresh());
  });

  it('expires a page when the clock alone changes it: a case becoming stuck, an item turning overdue', async () => {
    // The standard case (assigned at T0 + 5 min) is not yet stuck at T0 + 2 h; it becomes stuck later by inactivity.
    now = T0 + hours(2);
    const seoul = stuck(['KR-SEL']);
    const before = await seoul.cached();
    expect(itemsOf(before.body).map((c) => c.caseId)).not.toContain(seoulStandard.caseId);
    const { rows } = await pool.query<{ stuck_at: Date }>('SELECT stuck_at FROM case_summary WHERE case_id = $1', [seoulStandard.caseId]);
    const becomesStuck = rows[0]!.stuck_at.getTime();
    // Walk the clock from expiry to expiry (each the first instant the page may change): just before each the kept
    // page is still served and equals a fresh answer; at each it is recomputed, and equal to a fresh answer too.
    let steps = 0;
    while (now < becomesStuck) {
      const { expiresAt } = await supervision.stuckPage({ limit: 50, missions: ['KR-SEL'] }, true);
      expect(expiresAt).toBeGreaterThan(now);
      expect(expiresAt).toBeLessThanOrEqual(becomesStuck);
      now = expiresAt - 1;
      const kept = await seoul.cached();
      expect(kept.hit).toBe(true);
      expect(kept.body).toBe(await seoul.fresh());
      now = expiresAt;
      const next = await seoul.cached();
      expect(next.hit).toBe(false);
      expect(next.body).toBe(await seoul.fresh());
      steps++;
    }
    expect(steps).toBeLessThan(20);
    expect(itemsOf((await seoul.cached()).body).map((c) => c.caseId)).toContain(seoulStandard.caseId);

    // The mission list: the standard case's nearest deadline passes, so its `overdue` turns true.
    const { rows: due } = await pool.query<{ next_due_at: Date }>('SELECT next_due_at FROM case_summary WHERE case_id = $1', [seoulStandard.caseId]);
    const dueAt = due[0]!.next_due_at.getTime();
    now = dueAt - minutes(1);
    const list = cases({ kind: 'missions', missions: ['KR-SEL'] }, { mission: 'KR-SEL' });
    await list.cached();
    now = dueAt;
    const atDue = await list.cached();
    expect(atDue.hit).toBe(true);
    expect(atDue.body).toBe(await list.fresh());
    now = dueAt + 1;
    const past = await list.cached();
    expect(past.hit).toBe(false);
    expect(past.body).toBe(await list.fresh());
    expect(itemsOf(past.body).find((c) => c.caseId === seoulStandard.caseId)!.overdue).toBe(true);
  });

  it('expires a full page, a later page and pages over several or all missions when a case would become stuck into them', async () => {
    now = T0 + hours(2);
    const { rows } = await pool.query<{ stuck_at: Date; severity: number }>('SELECT stuck_at, severity FROM case_summary WHERE case_id = $1', [taipeiHigh.caseId]);
    const entersAt = rows[0]!.stuck_at.getTime();
    expect(entersAt).toBeGreaterThan(now);
    const firstPage = JSON.parse(await fresh((w) => supervision.stuckPage({ limit: 1, missions: ['TW-TPE'] }, w))) as { nextCursor: string };
    const variants: Array<{ missions: readonly string[] | null; limit: number; cursor?: string }> = [
      { missions: ['TW-TPE'], limit: 2 }, // full: [critical, standard]; the high-risk case sorts between them
      { missions: ['TW-TPE'], limit: 1, cursor: firstPage.nextCursor }, // the second page, after the critical case
      { missions: ['TW-TPE', 'JP-TYO'], limit: 3 },
      { missions: null, limit: 4 },
    ];
    const finals: string[] = [];
    for (const variant of variants) {
      now = T0 + hours(2);
      const query: ScopedListQuery = { limit: variant.limit, missions: variant.missions, ...(variant.cursor ? { cursor: variant.cursor } : {}) };
      const compute = (withExpiry: boolean) => supervision.stuckPage(query, withExpiry);
      const key = `walk:${JSON.stringify(variant)}`;
      for (let step = 0; step < 20 && now <= entersAt; step++) {
        const first = await served(key, variant.missions, compute);
        expect(first.body).toBe(await fresh(compute));
        const { expiresAt } = await compute(true);
        expect(expiresAt).toBeGreaterThan(now);
        if (!Number.isFinite(expiresAt)) break;
        now = expiresAt - 1;
        const kept = await served(key, variant.missions, compute);
        expect({ variant, hit: kept.hit }).toEqual({ variant, hit: true });
        expect(kept.body).toBe(await fresh(compute));
        now = expiresAt;
        const next = await served(key, variant.missions, compute);
        expect(next.hit).toBe(false);
        expect(next.body).toBe(await fresh(compute));
      }
      finals.push(await fresh(compute));
    }
    // Past its instant the high-risk case is on the full page and on the second page, in place of the standard one.
    expect(itemsOf(finals[0]!).map((c) => c.caseId)).toContain(taipeiHigh.caseId);
    expect(itemsOf(finals[1]!).map((c) => c.caseId)).toEqual([taipeiHigh.caseId]);
  });

  it('keeps the other supervisors’ lists right along the clock: escalations, pending closures, workload', async () => {
    const missions = ['KR-PUS'];
    const query: ScopedListQuery = { limit: 50, missions };
    const lists: Array<[string, () => Promise<ListPage>]> = [
      ['escalations', () => supervision.escalationsPage(query)],
      ['closures', () => supervision.pendingClosuresPage(query)],
      ['workload', () => supervision.workloadPage(query)],
    ];
    const seen = { expiries: 0, overdueClosure: false, escalated: false };
    for (const [name, compute] of lists) {
      now = T0 + hours(2);
      const end = T0 + hours(200);
      for (let step = 0; step < 30 && now < end; step++) {
        const first = await served(`${name}:${step}`, missions, compute);
        expect(first.body).toBe(await fresh(compute));
        const { expiresAt } = await compute();
        expect(expiresAt).toBeGreaterThan(now);
        const start = now;
        const finite = Number.isFinite(expiresAt);
        for (const u of finite ? [start + 1, Math.floor((start + expiresAt) / 2), expiresAt - 1] : [start + 1, start + hours(50)]) {
          if (u <= start) continue;
          now = u;
          const kept = await served(`${name}:${step}`, missions, compute);
          expect({ name, u, hit: kept.hit }).toEqual({ name, u, hit: true });
          expect(kept.body).toBe(await fresh(compute));
        }
        if (!finite) break;
        seen.expiries++;
        now = expiresAt;
        const next = await served(`${name}:${step}`, missions, compute);
        expect(next.hit).toBe(false);
        expect(next.body).toBe(await fresh(compute));
      }
      const last = JSON.parse(await fresh(compute)) as { items: Array<{ overdue?: boolean; unacknowledgedForMs?: number }> };
      if (name === 'closures') seen.overdueClosure = last.items.some((item) => item.overdue === true);
      if (name === 'escalations') seen.escalated = last.items.some((item) => (item.unacknowledgedForMs ?? 0) > hours(1));
    }
    // The walk did cross instants where a page changes by the clock (a closure turning overdue among them).
    expect(seen.expiries).toBeGreaterThan(0);
    expect(seen).toMatchObject({ overdueClosure: true, escalated: true });
  });

  it('keeps nothing while the LISTEN connection is lost, and starts from empty once it is back', async () => {
    const seoul = stuck(['KR-SEL']);
    await seoul.cached();
    expect(cache.size).toBeGreaterThan(0);
    await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'baoho-api-lists' AND datname = current_database()`);
    await until(() => !cache.isAvailable, 'the loss to be noticed');
    expect(cache.size).toBe(0);
    // A write while nobody listens: the next answer is fresh whatever happens.
    await drive(store, [[command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-2' }), now]], seoulCritical);
    const meanwhile = await seoul.cached();
    expect(meanwhile.body).toBe(await seoul.fresh());
    await until(() => cache.isAvailable, 'the LISTEN connection to come back');
    expect((await seoul.cached()).hit).toBe(false);
    const again = await seoul.cached();
    expect(again.hit).toBe(true);
    expect(again.body).toBe(await seoul.fresh());
  });

  it('does not keep a page computed while a change of its mission arrived', async () => {
    const seoul = stuck(['KR-SEL']);
    const key = `stuck:${JSON.stringify(['KR-SEL'])}:50`;
    cache.invalidate('KR-SEL');
    const found = cache.read(key, ['KR-SEL']);
    expect('ticket' in found && found.ticket).toBeTruthy();
    const page = await supervision.stuckPage({ limit: 50, missions: ['KR-SEL'] }, true);
    cache.invalidate('KR-SEL'); // a notice between the query and keeping its page
    cache.keep(key, ['KR-SEL'], 'ticket' in found ? found.ticket : null, page);
    expect((await seoul.cached()).hit).toBe(false);
  });
});
