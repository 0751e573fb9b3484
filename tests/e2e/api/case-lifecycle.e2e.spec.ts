import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, walkIn, type Caller } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { registerStaff } from '../../support/staff';
import { uniqueTaskQueue } from '../../support/temporal';

// The api and worker apps as `npm start` runs them, on the dev server and a fresh database: a case driven over
// HTTP from opening to approved closure, and every class of error the API promises.
jest.setTimeout(120_000);

const caseworker: Caller = { userId: 'cw-1', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-1', role: 'supervisor' };
const listCaseworker: Caller = { userId: 'cw-list', role: 'caseworker' };

describe('the case API', () => {
  let db: TestDatabase;
  let apps: RunningApp[] = [];
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-api') };
    apps = await startReadyApps(['worker', 'api'], env);
    api = apiClient(apps[1]!.url);
    await registerStaff(api, [caseworker, listCaseworker]);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await db?.drop();
  });

  const open = async (): Promise<string> => {
    const opened = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    return opened.body.caseId;
  };

  it('drives a case from opening to approved closure, answering each command with the new view', async () => {
    const caseId = await open();
    const steps: Array<[Caller, string, unknown]> = [
      [supervisor, 'assignment', { caseworkerId: 'cw-1' }],
      [caseworker, 'contacts', { channel: 'walk_in', outcome: 'reached', confidentialityExplained: true }],
      [caseworker, 'identity-verification', { outcome: { kind: 'documents_seen', document: 'passport' } }],
      [caseworker, 'assessment', { needs: { safety: false, medical: false, shelter: false, legal: true, psychosocial: true }, wish: 'stay', familyIsRiskSource: false, safetyPlanAgreed: true }],
      [caseworker, 'notes', { text: 'She asked that her employer not be told she came.' }],
      [caseworker, 'closure/requested', { reason: 'survivor_wish' }],
    ];
    for (const [caller, path, body] of steps) {
      const answer = await api.post(`/v1/cases/${caseId}/${path}`, caller, body);
      expect({ path, status: answer.status, code: answer.body['code'] }).toEqual({ path, status: 200, code: undefined });
    }
    const approved = await api.post<{ status: string }>(`/v1/cases/${caseId}/closure/approved`, supervisor, {});
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('closed');

    const read = await api.get<{ case: { status: string; personal?: unknown }; timeline: Array<{ type: string; text: string }> }>(`/v1/cases/${caseId}`, caseworker);
    expect(read.status).toBe(200);
    expect(read.body.case.status).toBe('closed');
    expect(read.body.timeline.map((entry) => entry.type)).toEqual(expect.arrayContaining(['CaseOpened', 'CaseworkerAssigned', 'ClosureRequested', 'CaseClosed']));
    expect(read.body.timeline.every((entry) => entry.text.length > 0)).toBe(true);

    const mine = await api.get<{ items: Array<{ caseId: string }> }>('/v1/cases?status=closed&limit=200', supervisor);
    expect(mine.body.items.map((item) => item.caseId)).toContain(caseId);
  });

  it('lists my open cases nearest deadline first, page by page', async () => {
    const ids = [await open(), await open(), await open()];
    for (const caseId of ids) expect((await api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: listCaseworker.userId })).status).toBe(200);
    const me = listCaseworker;
    const first = await api.get<{ items: Array<{ caseId: string; nextDueAt: string }>; nextCursor: string }>('/v1/my-cases?limit=2', me);
    expect(first.body.items).toHaveLength(2);
    const second = await api.get<{ items: Array<{ caseId: string; nextDueAt: string }>; nextCursor: string | null }>(`/v1/my-cases?limit=2&cursor=${first.body.nextCursor}`, me);
    const all = [...first.body.items, ...second.body.items];
    expect(all.map((item) => item.caseId).sort()).toEqual([...ids].sort());
    const due = all.map((item) => item.nextDueAt);
    expect(due).toEqual([...due].sort());
  });

  it('lists the mission’s unassigned cases apart from the assigned, nearest deadline first', async () => {
    const urgent = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn({ immediateDanger: true }));
    expect(urgent.status).toBe(201);
    const waiting = [await open(), urgent.body.caseId];
    const taken = await open();
    expect((await api.post(`/v1/cases/${taken}/assignment`, supervisor, { caseworkerId: listCaseworker.userId })).status).toBe(200);
    type Page = { items: Array<{ caseId: string; assignee: string | null; nextDueAt: string | null }> };
    const unassigned = (await api.get<Page>('/v1/cases?assigned=false&limit=200', supervisor)).body.items;
    const assigned = (await api.get<Page>('/v1/cases?assigned=true&limit=200', supervisor)).body.items;
    expect(unassigned.map((item) => item.caseId)).toEqual(expect.arrayContaining(waiting));
    expect(unassigned.map((item) => item.caseId)).not.toContain(taken);
    expect(unassigned.every((item) => item.assignee === null)).toBe(true);
    expect(assigned.map((item) => item.caseId)).toContain(taken);
    expect(assigned.every((item) => item.assignee !== null)).toBe(true);
    // Nearest deadline first, cases with none last.
    for (const items of [unassigned, assigned]) {
      const due = items.map((item) => (item.nextDueAt === null ? Infinity : Date.parse(item.nextDueAt)));
      expect(due).toEqual([...due].sort((a, b) => a - b));
    }
    expect((await api.get('/v1/cases?assigned=maybe', supervisor)).body).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
  });

  it('finds a case by her name without diacritics, by phone and by passport, with no name in the index', async () => {
    const opened = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn({
      subject: { fullName: 'Đặng Thùy Dương', sex: 'F', dateOfBirth: '1999-02-03', passportNumber: 'C7654321', hometownProvince: null },
      caller: { relation: 'self', phone: '+82 10-4444-7777' },
    }));
    const caseId = opened.body.caseId;
    const byName = await api.get<{ items: Array<{ caseId: string; matchedBy: string }> }>('/v1/search?name=dang%20thuy%20duong', caseworker);
    expect(byName.body.items).toEqual([expect.objectContaining({ caseId, matchedBy: 'name' })]);
    const byPhone = await api.get<{ items: Array<{ caseId: string }> }>('/v1/search?phone=010-4444-7777', caseworker);
    expect(byPhone.body.items.map((item) => item.caseId)).toEqual([caseId]);
    const byPassport = await api.get<{ items: Array<{ caseId: string }> }>('/v1/search?passport=c7654321', caseworker);
    expect(byPassport.body.items.map((item) => item.caseId)).toEqual([caseId]);
    expect((await api.get<{ items: unknown[] }>('/v1/search?name=dang%20thuy%20hoa', caseworker)).body.items).toEqual([]);

    const pool = new Pool({ connectionString: db.url, max: 1 });
    const stored = await pool.query(`SELECT encode(term_hash, 'escape') AS bytes FROM case_search_terms WHERE case_id = $1`, [caseId]);
    await pool.end();
    expect(stored.rowCount).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(stored.rows).toLowerCase()).not.toMatch(/dang|thuy|duong|7654321|44447777/);
  });

  it('finds Nguyễn Thị Hoa by “nguyen thi hoa” however it is typed, and by her phone and passport as people write them', async () => {
    // A caseworker of her own: she sees only the cases she took, so every hit below is this one.
    const searcher: Caller = { userId: 'cw-search', role: 'caseworker' };
    const opened = await api.post<{ caseId: string }>('/v1/cases', searcher, walkIn({
      subject: { fullName: 'Nguyễn Thị Hoa', sex: 'F', dateOfBirth: '1998-04-12', passportNumber: 'N2345678', hometownProvince: 'Nghệ An' },
      caller: { relation: 'self', phone: '+82 10-3141-5926' },
    }));
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    const found = async (query: string): Promise<string[]> => {
      const answer = await api.get<{ items: Array<{ caseId: string }> }>(`/v1/search?${query}`, searcher);
      expect({ query, status: answer.status }).toEqual({ query, status: 200 });
      return answer.body.items.map((item) => item.caseId);
    };
    const names = ['nguyen thi hoa', 'Nguyen Thi Hoa', 'NGUYEN  THI  HOA', 'hoa nguyen', 'Nguyễn Thị Hoa', 'Nguyễn Thị Hoa'.normalize('NFD'), 'nguyễn thi hoà'];
    for (const name of names) expect({ name, found: await found(`name=${encodeURIComponent(name)}`) }).toEqual({ name, found: [caseId] });
    expect(await found('name=nguyen+thi+hoa')).toEqual([caseId]);
    expect(await found(`name=${encodeURIComponent('nguyen thi lan')}`)).toEqual([]);
    for (const phone of ['+82 10-3141-5926', '010-3141-5926', '01031415926', '+821031415926', '3141 5926']) {
      expect({ phone, found: await found(`phone=${encodeURIComponent(phone)}`) }).toEqual({ phone, found: [caseId] });
    }
    for (const passport of ['N2345678', 'n2345678', 'N 234 5678']) {
      expect({ passport, found: await found(`passport=${encodeURIComponent(passport)}`) }).toEqual({ passport, found: [caseId] });
    }
  });

  describe('errors, as problem details with a stable code', () => {
    it('400 for malformed JSON and for a body off its schema, naming the fields', async () => {
      const malformed = await api.post('/v1/cases', caseworker, '{"channel": ');
      expect(malformed).toMatchObject({ status: 400, body: { code: 'MALFORMED_JSON' } });
      expect(malformed.contentType).toContain('application/problem+json');
      const invalid = await api.post('/v1/cases', caseworker, walkIn({ channel: 'pigeon', minor: 'no' }));
      expect(invalid).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
      expect(invalid.body['issues']).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'channel' }), expect.objectContaining({ path: 'minor' })]));
      expect(JSON.stringify(invalid.body)).not.toContain('Nguyễn');
    });

    it('401 without an identity, 404 for an unknown case or command', async () => {
      expect((await api.get('/v1/my-cases')).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect((await api.get('/v1/cases/no-such-case', caseworker)).body).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
      expect((await api.post('/v1/cases/no-such-case/notes', caseworker, { text: 'x' })).body).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
      const caseId = await open();
      expect((await api.post(`/v1/cases/${caseId}/teleport`, caseworker, {})).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it('422 for a protocol rule, 403 for a role, 409 for a state conflict', async () => {
      const caseId = await open();
      const plan = await api.post(`/v1/cases/${caseId}/action-plan`, caseworker, { goal: 'return', tasks: ['family_notification'] });
      expect(plan.status).toBe(422);
      const approve = await api.post(`/v1/cases/${caseId}/closure/approved`, caseworker, {});
      expect(approve.body).toMatchObject({ status: 403, code: 'FORBIDDEN_ROLE' });
      await api.post(`/v1/cases/${caseId}/closure/requested`, caseworker, { reason: 'survivor_wish' });
      await api.post(`/v1/cases/${caseId}/closure/approved`, supervisor, {});
      const onClosed = await api.post(`/v1/cases/${caseId}/contacts`, caseworker, { channel: 'phone', outcome: 'reached' });
      expect(onClosed.body).toMatchObject({ status: 409, code: 'CASE_CLOSED' });
    });

    it('Idempotency-Key: required; same key and body → same response; same key, other body → 422', async () => {
      expect((await api.post('/v1/cases', caseworker, walkIn(), null)).body).toMatchObject({ status: 400, code: 'IDEMPOTENCY_KEY_REQUIRED' });
      const key = randomUUID();
      const first = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn(), key);
      const again = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn(), key);
      expect(again.status).toBe(first.status);
      expect(again.body).toEqual(first.body);
      const other = await api.post('/v1/cases', caseworker, walkIn({ minor: true }), key);
      expect(other.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    });
  });
});
