import http from 'node:http';
import { serviceEnv, startApp, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, callerHeaders, walkIn, type Caller } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { registerStaff } from '../../support/staff';
import { uniqueTaskQueue } from '../../support/temporal';

// The list cache over HTTP, as `npm start` runs the api, beside a second api process on the same database with
// API_LIST_CACHE=off: the cached answers are the uncached ones (bytes and ETag), a matching If-None-Match is a 304
// either way, a case opened through the API shows in the cached list, and no scope gets another's page.
jest.setTimeout(120_000);

const caseworker: Caller = { userId: 'cw-cache', role: 'caseworker' };
const seoul: Caller = { userId: 'sup-sel', role: 'supervisor', missions: ['KR-SEL'] };
const tokyo: Caller = { userId: 'sup-tyo', role: 'supervisor', missions: ['JP-TYO'] };
const hq: Caller = { userId: 'hq-1', role: 'hq_officer' };

/** A plain GET (node:http: fetch adds `Cache-Control: no-cache` to a conditional request, which forbids a 304). */
function get(app: RunningApp, path: string, caller: Caller, etag?: string): Promise<{ status: number; etag: string | null; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${app.url}${path}`, { headers: { ...callerHeaders(caller), ...(etag ? { 'if-none-match': etag } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, etag: (response.headers.etag as string | undefined) ?? null, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const ids = (body: string): string[] => (JSON.parse(body) as { items: Array<{ caseId: string }> }).items.map((item) => item.caseId).sort();

describe('the list cache over HTTP', () => {
  let db: TestDatabase;
  let apps: RunningApp[] = [];
  let cached: RunningApp;
  let uncached: RunningApp;
  let first: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-list-cache') };
    apps = await startReadyApps(['worker', 'api'], env);
    cached = apps[1]!;
    uncached = await startApp('api', { ...env, API_LIST_CACHE: 'off' });
    apps.push(uncached);
    const opened = await apiClient(cached.url).post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    first = opened.body.caseId;
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await db?.drop();
  });

  it('answers from the cache what the uncached api answers, with the same ETag, and 304 to it', async () => {
    const path = '/v1/cases?mission=KR-SEL&limit=20';
    const one = await get(cached, path, seoul);
    const two = await get(cached, path, seoul); // from the cache now
    const plain = await get(uncached, path, seoul);
    expect(one.status).toBe(200);
    expect(ids(one.body)).toEqual([first]);
    expect(two).toEqual(one);
    expect(plain).toEqual(one);
    expect((await get(cached, path, seoul, one.etag!)).status).toBe(304);
    expect((await get(uncached, path, seoul, one.etag!)).status).toBe(304);
  });

  it('never answers one scope with another’s page', async () => {
    for (const caller of [seoul, tokyo, hq]) await get(cached, '/v1/cases?limit=20', caller);
    for (const caller of [seoul, tokyo, hq]) {
      const answer = await get(cached, '/v1/cases?limit=20', caller);
      expect(answer.body).toBe((await get(uncached, '/v1/cases?limit=20', caller)).body);
    }
    expect(ids((await get(cached, '/v1/cases?limit=20', tokyo)).body)).toEqual([]);
    expect(ids((await get(cached, '/v1/cases?limit=20', hq)).body)).toEqual([first]);
    // A caseworker's list is hers (assigned or shared), not her mission's: another caseworker of KR-SEL sees none.
    const other: Caller = { userId: 'cw-other', role: 'caseworker' };
    expect(ids((await get(cached, '/v1/cases?limit=20', caseworker)).body)).toEqual([first]);
    expect(ids((await get(cached, '/v1/cases?limit=20', other)).body)).toEqual([]);
    expect((await get(cached, '/v1/cases?limit=20', other)).body).toBe((await get(uncached, '/v1/cases?limit=20', other)).body);
  });

  it('shows a case opened through the API in the cached lists, and a new ETag', async () => {
    const path = '/v1/cases?mission=KR-SEL&limit=20';
    const before = await get(cached, path, seoul);
    const opened = await apiClient(cached.url).post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    // The notice of the append reaches the api just after the append commits: wait for it, boundedly.
    const deadline = Date.now() + 5_000;
    let after = await get(cached, path, seoul, before.etag!);
    while (after.status === 304 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await get(cached, path, seoul, before.etag!);
    }
    expect(after.status).toBe(200);
    expect(ids(after.body)).toEqual([first, opened.body.caseId].sort());
    expect(after.body).toBe((await get(uncached, path, seoul)).body);
    expect(after.etag).not.toBe(before.etag);
  });

  it('keeps the unassigned list apart from the others, and takes a case off it when it is assigned', async () => {
    const lists = ['/v1/cases?mission=KR-SEL&limit=20', '/v1/cases?mission=KR-SEL&assigned=false&limit=20', '/v1/cases?mission=KR-SEL&assigned=true&limit=20'];
    const opened = await apiClient(cached.url).post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    /** Each list from the cached api once its answer is the uncached one (the notice of the last write has come). */
    const settled = async (): Promise<string[][]> => {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const answers = await Promise.all(lists.map(async (path) => [await get(cached, path, seoul), await get(uncached, path, seoul)] as const));
        if (answers.every(([a, b]) => a.body === b.body) || Date.now() > deadline) {
          for (const [a, b] of answers) expect(a.body).toBe(b.body);
          return answers.map(([a]) => ids(a.body));
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    // Asked twice, so the second answers are the cached pages: each list its own.
    await settled();
    const [all, unassigned, assigned] = await settled();
    expect(all).toContain(caseId);
    expect(unassigned).toContain(caseId);
    expect(assigned).not.toContain(caseId);

    const assignee: Caller = { userId: 'cw-cache-assignee', role: 'caseworker' };
    await registerStaff(cached.url, [assignee]);
    expect((await apiClient(cached.url).post(`/v1/cases/${caseId}/assignment`, seoul, { caseworkerId: assignee.userId })).status).toBe(200);
    const [allAfter, unassignedAfter, assignedAfter] = await settled();
    expect(allAfter).toContain(caseId);
    expect(unassignedAfter).not.toContain(caseId);
    expect(assignedAfter).toContain(caseId);
  });
});
