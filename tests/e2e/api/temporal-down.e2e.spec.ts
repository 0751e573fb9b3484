import { freePort, serviceEnv, startApp, type RunningApp } from '../../support/apps';
import { apiClient, walkIn } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// The API whose Temporal cannot be reached: a command is answered 503 with Retry-After (nothing was changed,
// the same Idempotency-Key may be retried), never a 500 and never a hang.
describe('the case API while Temporal is unreachable', () => {
  let api: RunningApp;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startApp('api', { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    await db?.drop();
  });

  it('answers 503 TEMPORAL_UNAVAILABLE with Retry-After', async () => {
    const answer = await apiClient(api.url).post('/v1/cases', { userId: 'cw-1', role: 'caseworker' }, walkIn());
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'TEMPORAL_UNAVAILABLE', status: 503 });
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.contentType).toContain('application/problem+json');
  });
});
