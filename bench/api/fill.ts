// Fills a fresh database with 100,000 cases: ~40 template cases are decided by the domain and written through the
// real event store (inline case-summary projection), then cloned. Each clone gets a mission, an assignee and an age
// (time shift) drawn from fixed distributions; its case_summary row (state jsonb included) is the template's with
// every time shifted (its stuck triggers too), inserted in batches with unnest(); its open_deadlines and ~10 events per case are copied from
// the template's in SQL (INSERT … SELECT … JOIN), shifted the same way. Event bodies keep the template's times.
import { Pool } from 'pg';
import { MISSIONS, type CaseEvent, type CaseState } from '@baoho/domain';
import { EventStore, caseSummaryProjection, type NewEvent } from '@baoho/event-store';
import {
  T0, assessedCase, checkClocks, command, history, hotlineReport, hours, minutes, standardReport, supervisor, type Step,
} from '../../libs/domain/test/support/fixtures';

const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32) so every run fills the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, weighted: ReadonlyArray<readonly [T, number]>): T => {
  let x = rnd() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weighted) if ((x -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
};

type Report = 'critical' | 'high' | 'standard';
const report = (risk: Report) =>
  risk === 'critical' ? hotlineReport() : risk === 'high' ? hotlineReport({ immediateDanger: false }) : standardReport();
const assign = (): Step => [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)];
const reach = (): Step => [command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }), T0 + minutes(10)];

/** Scenarios and their weights; `closed` ones are old, the others recent. */
const SCENARIOS: ReadonlyArray<{ name: string; weight: number; closed: boolean; events: (risk: Report) => CaseEvent[] }> = [
  { name: 'opened', weight: 6, closed: false, events: (r) => history([[report(r), T0]]) },
  { name: 'missed first contact, escalated', weight: 4, closed: false, events: (r) => history([[report(r), T0], [checkClocks, T0 + hours(25)]]) },
  { name: 'assigned, reached', weight: 10, closed: false, events: (r) => history([[report(r), T0], assign(), reach()]) },
  { name: 'assessed', weight: 8, closed: false, events: (r) => assessedCase(report(r)) },
  {
    name: 'plan waiting for consent', weight: 4, closed: false,
    events: (r) => history([[command('AgreeActionPlan', { goal: 'stay', tasks: ['shelter_placement'] }), T0 + hours(2)]], assessedCase(report(r))),
  },
  // a pause for her decision needs her reached first
  { name: 'paused', weight: 2, closed: false, events: (r) => history([[report(r), T0], assign(), reach(), [command('PauseClock', { reason: 'survivor_deciding' }), T0 + hours(1)]]) },
  {
    name: 'closure requested', weight: 4, closed: false,
    events: (r) => history([[report(r), T0], assign(), reach(), [command('RequestClosure', { reason: 'needs_met' }), T0 + hours(3)]]),
  },
  {
    name: 'closed', weight: 62, closed: true,
    events: (r) => history([[report(r), T0], assign(), reach(), [command('RequestClosure', { reason: 'needs_met' }), T0 + hours(3)], [command('ApproveClosure', { actor: supervisor }), T0 + hours(5)]]),
  },
];
const RISKS: ReadonlyArray<readonly [Report, number]> = [['critical', 10], ['high', 25], ['standard', 65]];
const RISK_INDEX = RISKS.map(([, w], i) => [i, w] as const);
/** Consular missions by caseload share (HQ excluded). */
export const MISSION_WEIGHTS: ReadonlyArray<readonly [string, number]> = MISSIONS.filter((m) => m.countries.length > 0).map((m, i) => [m.code, 1 / (i + 1)] as const);

interface Template {
  readonly index: number;
  readonly scenario: (typeof SCENARIOS)[number];
  readonly lastAt: number;
  readonly row: Record<string, unknown> & { state: CaseState };
}

const toNew = (caseId: string, version: number, event: CaseEvent): NewEvent => ({
  eventId: `${caseId}:${version}`, type: event.type, schemaVersion: event.schemaVersion, data: event.data,
  ...(event.personal ? { personal: event.personal } : {}), occurredAt: event.data.at,
});

/** Every epoch-ms time (any number past 2001) moved by `shift`. */
const shiftState = (state: unknown, shift: number): unknown =>
  JSON.parse(JSON.stringify(state), (_key, value: unknown) => (typeof value === 'number' && value > 1e12 ? value + shift : value));
const shiftTime = (value: unknown, shift: number): string | null => (value instanceof Date ? new Date(value.getTime() + shift).toISOString() : null);

export interface FillFigures {
  readonly cases: number;
  readonly events: number;
  readonly openDeadlines: number;
  readonly stuckNow: number;
  readonly seconds: number;
}

export async function fill(url: string, cases: number): Promise<FillFigures> {
  const started = Date.now();
  const pool = new Pool({ connectionString: url, max: 4 });
  try {
    const store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    const templates: Template[] = [];
    for (const scenario of SCENARIOS) {
      for (const [risk] of RISKS) {
        const events = scenario.events(risk);
        const id = `tpl-${templates.length}`;
        const withId = events.map((e) => (e.type === 'CaseOpened' ? { ...e, data: { ...e.data, caseId: id } } : e)) as CaseEvent[];
        await store.append(id, 0, withId.map((e, i) => toNew(id, i + 1, e)));
        const { rows } = await pool.query<Template['row']>('SELECT * FROM case_summary WHERE case_id = $1', [id]);
        templates.push({ index: templates.length, scenario, lastAt: Date.parse(events[events.length - 1]!.data.at), row: rows[0]! });
      }
    }
    await pool.query(`CREATE UNLOGGED TABLE bench_map (case_id text PRIMARY KEY, template text NOT NULL, shift interval NOT NULL)`);
    const rnd = random(20_260_101);
    const now = Date.now();
    const byScenario = SCENARIOS.map((s, i) => [i, s.weight] as const);
    const BATCH = 2_000;
    for (let from = 0; from < cases; from += BATCH) {
      const rows: Array<Record<string, unknown>> = [];
      for (let i = from; i < Math.min(cases, from + BATCH); i++) {
        const scenarioIndex = pick(rnd, byScenario);
        const scenario = SCENARIOS[scenarioIndex]!;
        const template = templates[scenarioIndex * RISKS.length + pick(rnd, RISK_INDEX)]!;
        // Age of the last event: closed cases over two years; open ones mostly hours to days, a tail of weeks.
        const age = scenario.closed ? rnd() * 730 * DAY : rnd() < 0.7 ? rnd() * 2 * DAY : 2 * DAY + rnd() * 60 * DAY;
        const shift = Math.round(now - age - template.lastAt);
        const mission = pick(rnd, MISSION_WEIGHTS);
        const caseId = `bench-${String(i).padStart(6, '0')}`;
        const assignee = template.row.assignee === null ? null : `cw-${mission}-${1 + Math.floor(rnd() * 25)}`;
        const state = { ...(shiftState(template.row.state, shift) as Record<string, unknown>), caseId, missionCode: mission, ...(assignee ? { assignee } : {}) };
        rows.push({ ...template.row, case_id: caseId, mission, assignee, state, shift, template: template.row.case_id });
      }
      const col = (name: string) => rows.map((r) => r[name]);
      const times = (name: string) => rows.map((r) => shiftTime(r[name], r.shift as number));
      await pool.query(
        `INSERT INTO case_summary (case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at, last_activity_at,
                                   categories, stream_version, state, stuck_at, severity, opened_at, closure_requested_at, stuck_triggers)
         SELECT r.case_id, r.mission, r.stage, r.status, r.risk_level, r.assignee, r.escalation_level, r.next_due_at, r.last_activity_at,
                string_to_array(r.categories, ','), r.stream_version, r.state, r.stuck_at, r.severity, r.opened_at, r.closure_requested_at,
                r.stuck_triggers
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[], $9::timestamptz[],
                       $10::text[], $11::int[], $12::jsonb[], $13::timestamptz[], $14::smallint[], $15::timestamptz[], $16::timestamptz[],
                       $17::jsonb[])
             AS r(case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at, last_activity_at,
                  categories, stream_version, state, stuck_at, severity, opened_at, closure_requested_at, stuck_triggers)`,
        [
          col('case_id'), col('mission'), col('stage'), col('status'), col('risk_level'), col('assignee'), col('escalation_level'),
          times('next_due_at'), times('last_activity_at'), rows.map((r) => (r.categories as string[]).join(',')), col('stream_version'),
          rows.map((r) => JSON.stringify(r.state)), times('stuck_at'), col('severity'), times('opened_at'), times('closure_requested_at'),
          rows.map((r) => JSON.stringify(shiftState(r.stuck_triggers, r.shift as number))),
        ],
      );
      await pool.query(
        `INSERT INTO bench_map SELECT m.case_id, m.template, make_interval(secs => m.shift_ms / 1000.0)
           FROM unnest($1::text[], $2::text[], $3::bigint[]) AS m(case_id, template, shift_ms)`,
        [col('case_id'), col('template'), col('shift')],
      );
    }
    await pool.query(`
      INSERT INTO open_deadlines (case_id, item, kind, mission, party, due_at, escalation_level)
      SELECT m.case_id, d.item, d.kind, c.mission, d.party, d.due_at + m.shift, d.escalation_level
        FROM bench_map m JOIN open_deadlines d ON d.case_id = m.template JOIN case_summary c ON c.case_id = m.case_id`);
    await pool.query(`
      INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at)
      SELECT m.case_id, e.stream_version, m.case_id || ':' || e.stream_version, e.type, e.schema_version, e.data, e.metadata, e.occurred_at + m.shift
        FROM bench_map m JOIN events e ON e.stream_id = m.template`);
    await pool.query(`DELETE FROM open_deadlines WHERE case_id LIKE 'tpl-%'`);
    await pool.query(`DELETE FROM case_summary WHERE case_id LIKE 'tpl-%'`);
    await pool.query('DROP TABLE bench_map');
    await pool.query('VACUUM ANALYZE case_summary');
    await pool.query('VACUUM ANALYZE open_deadlines');
    await pool.query('ANALYZE events');
    const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]!.n;
    return {
      cases: await count('SELECT count(*)::int AS n FROM case_summary'),
      events: await count('SELECT count(*)::int AS n FROM events'),
      openDeadlines: await count('SELECT count(*)::int AS n FROM open_deadlines'),
      stuckNow: await count('SELECT count(*)::int AS n FROM case_summary WHERE stuck_at <= now()'),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await pool.end();
  }
}
