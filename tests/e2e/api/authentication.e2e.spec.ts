import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { uniqueTaskQueue } from '../../support/temporal';
import { authHeader, badTokens } from '../../support/tokens';

// The built api and intake, trusting the development key: a token that is anything but a valid RS256 JWT from
// our issuer for our audience is a 401 problem with a Bearer challenge, on every protected route; the probes,
// metrics and the API's documentation need no token.
jest.setTimeout(120_000);

describe('bearer authentication', () => {
  let db: TestDatabase;
  let apps: RunningApp[] = [];
  let api: RunningApp;
  let intake: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-auth'), LOG_LEVEL: 'warn' };
    apps = await startReadyApps(['api', 'intake'], env);
    [api, intake] = apps as [RunningApp, RunningApp];
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await db?.drop();
  });

  const get = (app: RunningApp, path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

  it('answers a valid token', async () => {
    const answer = await get(api, '/v1/my-cases', authHeader({ role: 'caseworker', missions: ['KR-SEL'] }));
    expect(answer.status).toBe(200);
  });

  it.each(Object.entries(badTokens({ role: 'supervisor', missions: ['KR-SEL'] })))('refuses a token that is %s with 401', async (_what, token) => {
    for (const [app, path] of [[api, '/v1/stuck-cases'], [intake, '/v1/rejections']] as const) {
      const answer = await get(app, path, { authorization: `Bearer ${token}` });
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="baoho", error="invalid_token"$/);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(await answer.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    }
  });

  it('asks for a token when there is none, or when the header is not a Bearer one', async () => {
    for (const headers of [{}, { authorization: 'Basic Y3c6cHc=' }, { authorization: 'Bearer' }, { 'x-baoho-user': 'cw-1', 'x-baoho-role': 'caseworker' }] as Array<Record<string, string>>) {
      const answer = await get(api, '/v1/my-cases', headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="baoho"/);
      expect(await answer.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('keeps the probes, metrics and documentation public', async () => {
    for (const path of ['/health', '/health/live', '/metrics', '/openapi.json', '/docs']) {
      expect({ path, status: (await get(api, path)).status }).toEqual({ path, status: 200 });
    }
    expect((await get(intake, '/health/live')).status).toBe(200);
  });

  it('refuses the wrong role with 403 once authenticated', async () => {
    const answer = await get(api, '/v1/stuck-cases', authHeader({ role: 'caseworker', missions: ['KR-SEL'] }));
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const hotline = await fetch(`${intake.url}/v1/hotline-events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', ...authHeader({ role: 'caseworker', missions: ['KR-SEL'] }) } });
    expect(hotline.status).toBe(403);
  });
});
