import { Pool } from 'pg';
import { decide, fold, type CaseCommand, type CaseState, type OpenCase } from '@baoho/domain';
import { EventStore, caseSummaryProjection } from '@baoho/event-store';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, walkIn, type Caller } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { registerStaff } from '../../support/staff';
import { uniqueTaskQueue } from '../../support/temporal';

// The supervisors' endpoints over HTTP, on the api and worker apps as `npm start` runs them: a case driven through
// the API to a closure request shows in the pending closures (and is not stuck yet); a case written to the log
// three days ago, its first contact never made, shows in the stuck list with its reasons.
jest.setTimeout(120_000);

const caseworker: Caller = { userId: 'cw-sup', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-1', role: 'supervisor' };
const HOUR = 3_600_000;

/** A standard walk-in opened `ago` ms before now, straight into the log (as its workflow would have written it). */
async function backdatedCase(url: string, caseId: string, ago: number): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const store = new EventStore(pool, { inlineProjections: [caseSummaryProjection] });
    const openedAt = Date.now() - ago;
    const open = {
      type: 'OpenCase', commandId: `${caseId}-open`, actor: { userId: 'cw-old', role: 'caseworker' }, caseId, source: 'walk_in',
      hotlineSource: 'citizen-protection-hotline', channel: 'walk_in', reportedAt: new Date(openedAt).toISOString(), callerRelation: 'self',
      language: 'vi', countryCode: 'KR', city: 'Seoul', categories: ['labour_exploitation'], incidentAt: null, immediateDanger: false, minor: false,
      personal: { caller: { phone: '+82 10-5555-0102' }, subject: { fullName: 'Trần Thị Mai', sex: 'F', dateOfBirth: '1995-01-02', passportNumber: null, hometownProvince: 'Hà Tĩnh' }, narrative: 'Wages unpaid.' },
    } as OpenCase;
    const state: CaseState = fold([]);
    const events = decide(state, open as CaseCommand, openedAt);
    await store.append(caseId, 0, events.map((event, i) => ({ eventId: `${caseId}:${i + 1}`, type: event.type, schemaVersion: event.schemaVersion, data: event.data, ...(event.personal ? { personal: event.personal } : {}), occurredAt: event.data.at })));
  } finally {
    await pool.end();
  }
}

describe('the supervisors API', () => {
  let db: TestDatabase;
  let apps: RunningApp[] = [];
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-supervision') };
    apps = await startReadyApps(['worker', 'api'], env);
    api = apiClient(apps[1]!.url);
    await registerStaff(api, [caseworker]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await db?.drop();
  });

  it('lists a closure requested through the API as pending, and a case untouched for three days as stuck', async () => {
    const opened = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    for (const [caller, path, body] of [
      [supervisor, 'assignment', { caseworkerId: caseworker.userId }],
      [caseworker, 'contacts', { channel: 'walk_in', outcome: 'reached', confidentialityExplained: true }],
      [caseworker, 'closure/requested', { reason: 'survivor_wish' }],
    ] as Array<[Caller, string, unknown]>) {
      const answer = await api.post(`/v1/cases/${caseId}/${path}`, caller, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }
    const pending = await api.get<{ items: Array<{ caseId: string; reason: string; waitingMs: number; overdue: boolean }>; nextCursor: string | null }>('/v1/closures/pending', supervisor);
    expect(pending.status).toBe(200);
    expect(pending.body.items).toEqual([expect.objectContaining({ caseId, reason: 'survivor_wish', overdue: false })]);
    expect(pending.body.items[0]!.waitingMs).toBeGreaterThanOrEqual(0);

    await backdatedCase(db.url, 'case-e2e-stuck', 72 * HOUR);
    const stuck = await api.get<{ items: Array<{ caseId: string; stuckForMs: number; reasons: Array<{ code: string; item?: string }> }> }>('/v1/stuck-cases?limit=10', supervisor);
    expect(stuck.status).toBe(200);
    expect(stuck.body.items.map((item) => item.caseId)).toEqual(['case-e2e-stuck']); // the fresh one is not stuck
    expect(stuck.body.items[0]!.reasons).toEqual([expect.objectContaining({ code: 'past_deadline', item: 'first_contact' })]);
    expect(stuck.body.items[0]!.stuckForMs).toBeGreaterThan(47 * HOUR); // first contact was due 24 h after opening

    const workload = await api.get<{ items: Array<{ assignee: string; open: number }>; unassigned: number }>('/v1/workload', supervisor);
    expect(workload.body).toMatchObject({ items: [{ assignee: caseworker.userId, open: 1 }], unassigned: 1 });
    expect((await api.get('/v1/escalations', supervisor)).body).toEqual({ items: [], nextCursor: null });
    expect((await api.get('/v1/indicators', supervisor)).body).toMatchObject({ casesOpened: 2 });
  });

  it('answers 400 on bad input and 403 to a caseworker', async () => {
    const bad = await api.get<{ code: string }>('/v1/stuck-cases?limit=0', supervisor);
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((await api.get('/v1/closures/pending?cursor=nonsense', supervisor)).status).toBe(400);
    expect((await api.get('/v1/indicators?from=yesterday', supervisor)).status).toBe(400);
    expect((await api.get('/v1/workload', caseworker)).status).toBe(403);
  });
});
