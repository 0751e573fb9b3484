import { Pool } from 'pg';
import { decide, fold, type CaseCommand, type CaseState, type OpenCase } from '@baoho/domain';
import { EventStore, caseSummaryProjection } from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { toNew } from '../../support/drive-case';

const T0 = Date.parse('2026-11-22T03:14:00Z');
const MINUTE = 60_000;
let counter = 0;

const walkIn = (caseId: string): OpenCase =>
  ({
    type: 'OpenCase',
    commandId: `cmd-${++counter}`,
    actor: { userId: 'intake-1', role: 'caseworker' },
    caseId,
    source: 'walk_in',
    hotlineSource: 'citizen-protection-hotline',
    channel: 'walk_in',
    reportedAt: new Date(T0).toISOString(),
    callerRelation: 'self',
    language: 'vi',
    countryCode: 'KR',
    city: 'Seoul',
    categories: ['labour_exploitation'],
    incidentAt: null,
    immediateDanger: false,
    minor: false,
    personal: {
      caller: { phone: '+82 10-5555-0101' },
      subject: { fullName: 'Nguyễn Thị Hoa', sex: 'F', dateOfBirth: '1998-04-12', passportNumber: null, hometownProvince: 'Nghệ An' },
      narrative: 'Wages unpaid for three months.',
    },
  }) as OpenCase;

const assign = (caseworkerId: string): CaseCommand =>
  ({ type: 'AssignCaseworker', commandId: `cmd-${++counter}`, actor: { userId: 'sup-1', role: 'supervisor' }, caseworkerId }) as CaseCommand;

const giveConsent = (category: string): CaseCommand =>
  ({ type: 'GiveConsent', commandId: `cmd-${++counter}`, actor: { userId: 'cw-1', role: 'caseworker' }, category, method: 'spoken' }) as CaseCommand;

/** Decides each command against the case's history and appends what it produces, one append per command. */
async function run(store: EventStore, caseId: string, steps: ReadonlyArray<readonly [CaseCommand, number]>): Promise<CaseState> {
  let state: CaseState = fold([]);
  let version = 0;
  for (const [command, now] of steps) {
    const produced = decide(state, command, now);
    await store.append(caseId, version, produced.map((event, i) => toNew(caseId, version + i + 1, event)));
    state = fold(produced, state);
    version += produced.length;
  }
  return state;
}

async function snapshot(pool: Pool) {
  const summary = await pool.query(
    `SELECT case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at, last_activity_at,
            categories, stream_version, state FROM case_summary ORDER BY case_id`,
  );
  const deadlines = await pool.query('SELECT * FROM open_deadlines ORDER BY case_id, item');
  return { summary: summary.rows, deadlines: deadlines.rows };
}

describe('case-summary projection', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
  });
  afterEach(async () => {
    await pool.end();
    await db.drop();
  });

  it('keeps one summary row and the open deadlines per case, identical after a rebuild', async () => {
    const store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    const assigned = await run(store, 'case-a', [
      [walkIn('case-a'), T0],
      [assign('cw-1'), T0 + 5 * MINUTE],
    ]);
    const consented = await run(store, 'case-b', [
      [walkIn('case-b'), T0 + MINUTE],
      [assign('cw-2'), T0 + 6 * MINUTE],
      [giveConsent('shelter'), T0 + 10 * MINUTE],
    ]);
    const versionOf = async (caseId: string) => (await store.readStream(caseId)).length;

    const live = await snapshot(pool);
    expect(live.summary).toHaveLength(2);
    for (const [row, state] of [
      [live.summary[0], assigned],
      [live.summary[1], consented],
    ] as const) {
      if (state.status === 'none') throw new Error('case was not opened');
      expect(row).toMatchObject({
        case_id: state.caseId,
        mission: state.missionCode,
        stage: state.stage,
        status: 'open',
        risk_level: state.risk,
        assignee: state.assignee,
        stream_version: await versionOf(state.caseId),
        categories: ['labour_exploitation'],
      });
      expect(row.assignee).toMatch(/^cw-/);
      // The kept state is the domain's own fold, minus the personal part.
      expect(row.state).toEqual(JSON.parse(JSON.stringify({ ...state, personal: { notes: [] } })));
      expect(JSON.stringify(row.state)).not.toContain('Nguyễn');

      const expected = Object.values(state.items)
        .filter((item) => item !== undefined && (item.status === 'open' || item.status === 'in_progress') && item.dueAt !== undefined)
        .map((item) => ({ item: item!.id, kind: item!.kind, party: item!.party, due_at: new Date(item!.dueAt!) }))
        .sort((a, b) => a.item.localeCompare(b.item));
      expect(expected.length).toBeGreaterThan(0);
      const deadlines = live.deadlines
        .filter((d) => d.case_id === state.caseId)
        .sort((a, b) => String(a.item).localeCompare(String(b.item)));
      expect(deadlines).toEqual(
        expected.map((d) => ({ ...d, case_id: state.caseId, mission: state.missionCode, escalation_level: 0 })),
      );
      expect(row.next_due_at).toEqual(new Date(Math.min(...expected.map((d) => d.due_at.getTime()))));
    }

    const total = (await versionOf('case-a')) + (await versionOf('case-b'));
    expect(await store.rebuild(caseSummaryProjection)).toBe(total);
    expect(await snapshot(pool)).toEqual(live);
  });

  it('rewrites a deadline that stays open in place, and ignores a batch it has already applied', async () => {
    const store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    const state = await run(store, 'case-c', [[walkIn('case-c'), T0]]);
    const opened = await snapshot(pool);
    expect(opened.deadlines.length).toBeGreaterThan(0);
    const version = (await store.readStream('case-c')).length;
    const produced = decide(state, assign('cw-3'), T0 + 5 * MINUTE);
    await store.append('case-c', version, produced.map((event, i) => toNew('case-c', version + i + 1, event)));
    const assigned = await snapshot(pool);
    // one statement deleted and inserted the same (case, item) keys: the opening's deadlines are still there
    const items = (rows: typeof opened.deadlines) => rows.map((row) => row.item).sort();
    expect(items(assigned.deadlines)).toEqual(expect.arrayContaining(items(opened.deadlines)));
    expect(assigned.summary[0]).toMatchObject({ assignee: 'cw-3', stream_version: version + produced.length });

    // the opening's batch once more, as a replayed runner would hand it: the row does not go back, nor its deadlines
    const client = await pool.connect();
    try {
      await caseSummaryProjection.apply(client, (await store.readStream('case-c')).slice(0, version));
    } finally {
      client.release();
    }
    expect(await snapshot(pool)).toEqual(assigned);
  });
});
