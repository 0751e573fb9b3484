import { Pool } from 'pg';
import { fold, type CaseEvent } from '@baoho/domain';
import { EventStore, caseSummaryProjection } from '@baoho/event-store';
import { HttpProblem } from '@baoho/http';
import { IndicatorsQuery } from '../../../apps/api/src/supervision/indicators-query';
import { SupervisionQuery } from '../../../apps/api/src/supervision/supervision-query';
import {
  T0,
  assessedCase,
  checkClocks,
  command,
  days,
  hotlineReport,
  hours,
  iso,
  minutes,
  standardReport,
  supervisor,
} from '../../../libs/domain/test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { drive, toNew } from '../../support/drive-case';

// The supervisors' queries over read models written by the real event store (the case-summary projection, inline),
// from events the domain's `decide` produced. Each query runs at a chosen "now".

/** Replays an event history (from the fixtures) as one append per event. */
async function replay(store: EventStore, events: readonly CaseEvent[]) {
  const caseId = (events[0]!.data as { caseId: string }).caseId;
  for (const [i, event] of events.entries()) await store.append(caseId, i, [toNew(caseId, i + 1, event)]);
  return { caseId, state: fold(events), version: events.length };
}

describe('supervision queries', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: EventStore;
  let now = T0;
  const at = () => now;
  let query: SupervisionQuery;
  let indicators: IndicatorsQuery;
  const ids: Record<string, string> = {};
  let critical: Awaited<ReturnType<typeof drive>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    query = new SupervisionQuery(pool, at);
    indicators = new IndicatorsQuery(pool, at);

    // A: critical (immediate danger, sexual assault): first contact due in 1 h, missed and escalated, care recorded.
    critical = await drive(store, [
      [hotlineReport(), T0],
      [command('GiveConsent', { category: 'medical', method: 'spoken' }), T0 + minutes(20)],
      [command('RecordClinicalCare', { window: 'hiv_pep' }), T0 + minutes(30)],
      [checkClocks, T0 + hours(1)],
    ]);
    ids.A = critical.caseId;
    // B: standard, assigned to cw-1 and reached after 10 minutes.
    ids.B = (
      await drive(store, [
        [standardReport(), T0],
        [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)],
        [command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }), T0 + minutes(10)],
      ])
    ).caseId;
    // C: standard, closure requested after an hour, nobody approves.
    ids.C = (await drive(store, [[standardReport(), T0], [command('RequestClosure', { reason: 'survivor_wish' }), T0 + hours(1)]])).caseId;
    // D: assessed (cw-1), a plan with a shelter placement that waits for consent from T0 + 2 h.
    const assessed = await replay(store, assessedCase());
    ids.D = (await drive(store, [[command('AgreeActionPlan', { goal: 'stay', tasks: ['shelter_placement'] }), T0 + hours(2)]], assessed)).caseId;
    // E: standard, reached after 10 minutes (assessment and identity verification run, both waiting on her); she asked
    // for time: the clock is paused from T0 + 1 h.
    ids.E = (
      await drive(store, [
        [standardReport(), T0],
        [command('RecordContact', { channel: 'phone', outcome: 'reached' }), T0 + minutes(10)],
        [command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(1)],
      ])
    ).caseId;
    // F: critical sexual assault like A, no care recorded, nothing else.
    ids.F = (await drive(store, [[hotlineReport(), T0]])).caseId;
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const all = async <T>(page: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor: string | null }>): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const next = await page(cursor);
      items.push(...next.items);
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    return items;
  };

  it('lists the stuck cases at T0 + 70 min: the escalated critical ones first, each with its reasons', async () => {
    now = T0 + hours(1) + minutes(10);
    const page = await query.stuck({ limit: 50 });
    expect(page.items.map((c) => c.caseId)).toEqual([ids.A, ids.F]);
    expect(page.items[0]).toMatchObject({
      risk: 'critical',
      escalationLevel: 1,
      stuckSince: iso(T0 + hours(1)),
      stuckForMs: minutes(10),
      reasons: [
        { code: 'past_deadline', item: 'first_contact', since: iso(T0 + hours(1)) },
        { code: 'escalation_unacknowledged', item: 'first_contact', level: 1, since: iso(T0 + hours(1)) },
      ],
    });
    // F missed the same deadline but nothing ran its clocks: past due, not escalated, so after A.
    expect(page.items[1]!.reasons.map((r) => r.code)).toEqual(['past_deadline']);
    expect(page.nextCursor).toBeNull();
  });

  it('three days later: every open case but the paused one, most severe first, then longest stuck, page by page', async () => {
    now = T0 + days(3) + hours(1) + 1;
    const pages = await all((cursor) => query.stuck({ limit: 2, ...(cursor ? { cursor } : {}) }));
    const byId = new Map(pages.map((c) => [c.caseId, c]));
    expect(pages.map((c) => c.caseId)).toEqual([ids.A, ids.F, ids.C, ids.D, ids.B]);
    expect(byId.has(ids.E!)).toBe(false); // the pause keeps moving its deadline
    expect(pages.slice(2).map((c) => c.stuckSince)).toEqual([...pages.slice(2).map((c) => c.stuckSince)].sort());
    expect(byId.get(ids.C!)).toMatchObject({ stuckSince: iso(T0 + hours(24)), stuckForMs: now - (T0 + hours(24)) });
    expect(byId.get(ids.C!)!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['past_deadline', 'closure_awaiting_approval']));
    expect(byId.get(ids.D!)!.reasons).toEqual(expect.arrayContaining([{ code: 'consent_blocked', item: 'shelter_placement', since: iso(T0 + hours(2)) }]));
    expect(byId.get(ids.A!)!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['inactivity', 'escalation_unacknowledged']));
    const mission = byId.get(ids.A!)!.mission;
    expect((await query.stuck({ mission, limit: 50 })).items).toHaveLength(5);
    expect((await query.stuck({ mission: 'NOWHERE', limit: 50 })).items).toEqual([]);
  });

  it('lists the escalations nobody acknowledged, and drops one once acknowledged', async () => {
    now = T0 + hours(1) + minutes(10);
    const page = await query.escalations({ limit: 50 });
    expect(page.items).toEqual([
      expect.objectContaining({ caseId: ids.A, item: 'first_contact', level: 1, acknowledgedLevel: 0, escalatedAt: iso(T0 + hours(1)), unacknowledgedForMs: minutes(10) }),
    ]);
    critical = await drive(store, [[command('AcknowledgeEscalation', { actor: supervisor, item: 'first_contact' }), T0 + hours(1) + minutes(5)]], critical);
    expect((await query.escalations({ limit: 50 })).items).toEqual([]);
    const stuck = await query.stuck({ limit: 50 });
    expect(stuck.items.find((c) => c.caseId === ids.A)!.reasons.map((r) => r.code)).toEqual(['past_deadline']);
  });

  it('counts open cases per caseworker, by risk, overdue and unassigned', async () => {
    now = T0 + days(4);
    const page = await query.workload({ limit: 50 });
    expect(page.items).toEqual([{ assignee: 'cw-1', open: 2, byRisk: { critical: 0, high: 0, standard: 2 }, overdue: 2, escalated: 0 }]);
    expect(page.unassigned).toBe(4);
    expect((await query.workload({ mission: 'NOWHERE', limit: 50 })).unassigned).toBe(0);
  });

  it('lists pending closures oldest first with their waiting time', async () => {
    now = T0 + hours(2);
    expect((await query.pendingClosures({ limit: 50 })).items).toEqual([
      expect.objectContaining({ caseId: ids.C, reason: 'survivor_wish', requestedAt: iso(T0 + hours(1)), waitingMs: hours(1), overdue: false }),
    ]);
    now = T0 + hours(1) + days(3) + 1;
    expect((await query.pendingClosures({ limit: 50 })).items[0]).toMatchObject({ caseId: ids.C, overdue: true });
  });

  it('computes the protocol indicators over the cases opened in the period', async () => {
    now = T0 + days(3) + hours(1) + 1;
    const result = await indicators.compute({ from: iso(T0 - days(1)), to: iso(T0 + days(1)) });
    expect(result.casesOpened).toBe(6);
    expect(result.medicalCareWithin72h).toEqual({ windowHours: 72, gbvTypes: ['rape', 'sexual_assault'], cases: 2, withCare: 1, share: 0.5, closedBeforeIntake: 0, closedBeforeKnown: 0 });
    expect(result.emergencyContraceptionWithin120h).toEqual({ windowHours: 120, gbvTypes: ['rape', 'sexual_assault'], cases: 2, withCare: 0, share: 0, closedBeforeIntake: 0, closedBeforeKnown: 0 });
    expect(result.firstContactByRisk).toEqual([
      { risk: 'critical', reached: 0, notReached: 2, medianMs: null },
      { risk: 'high', reached: 0, notReached: 0, medianMs: null },
      { risk: 'standard', reached: 3, notReached: 1, medianMs: minutes(10) },
    ]);
    const firstContact = result.overdueByStep.find((s) => s.step === 'first_contact')!;
    expect(firstContact).toMatchObject({ clocks: 6 });
    expect(firstContact.overdue).toBeGreaterThanOrEqual(3);
    expect((await indicators.compute({ from: iso(T0 + days(1)), to: iso(T0 + days(2)) })).casesOpened).toBe(0);
  });

  it('refuses a tampered cursor and a period that ends before it starts with 400', async () => {
    const bad = Buffer.from(JSON.stringify(['x', 'not a time', 'c'])).toString('base64url');
    await expect(query.stuck({ limit: 5, cursor: bad })).rejects.toMatchObject({ status: 400 });
    await expect(query.stuck({ limit: 5, cursor: bad })).rejects.toBeInstanceOf(HttpProblem);
    await expect(indicators.compute({ from: iso(T0), to: iso(T0 - 1) })).rejects.toMatchObject({ status: 400 });
  });
});
