import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { caseWorkflowId } from '@baoho/workflows';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { apiClient, walkIn, type Caller } from '../../support/api-client';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { registerStaff } from '../../support/staff';
import { uniqueTaskQueue } from '../../support/temporal';

// The fault suite found cases whose workflow a killed Temporal dev server no longer knew, while their events
// were in the log: every command on them answered 404. The API now starts such a case's workflow again from its
// event log. Here the workflow is terminated outright (the same loss, made on purpose) on the built api and
// worker, the dev server and a fresh database.
jest.setTimeout(120_000);

const caseworker: Caller = { userId: 'cw-lost', role: 'caseworker' };
const supervisor: Caller = { userId: 'sup-lost', role: 'supervisor' };

describe('a case whose workflow was lost', () => {
  let db: TestDatabase;
  let pool: Pool;
  let apps: RunningApp[] = [];
  let api: ReturnType<typeof apiClient>;
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env = { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-lost') };
    apps = await startReadyApps(['worker', 'api'], env, 120_000);
    api = apiClient(apps[1]!.url);
    await registerStaff(api, [caseworker]);
    connection = await Connection.connect({ address: process.env['TEMPORAL_ADDRESS']! });
    temporal = new Client({ connection });
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await connection?.close();
    await pool?.end();
    await db?.drop();
  });

  it('comes back from its event log on the next command, at the version the log holds, with its clocks', async () => {
    const opened = await api.post<{ caseId: string }>('/v1/cases', caseworker, walkIn());
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId;
    expect((await api.post(`/v1/cases/${caseId}/assignment`, supervisor, { caseworkerId: caseworker.userId })).status).toBe(200);
    const before = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [caseId]);

    await temporal.workflow.getHandle(caseWorkflowId(caseId)).terminate('the test loses the workflow');

    const contact = await api.post<{ stage: string }>(`/v1/cases/${caseId}/contacts`, caseworker, {
      channel: 'walk_in',
      outcome: 'reached',
      confidentialityExplained: true,
    });
    expect({ status: contact.status, body: contact.status === 200 ? undefined : contact.body }).toEqual({ status: 200, body: undefined });

    // Appended after what the log held, exactly once, with no gap and no second opening.
    const { rows } = await pool.query<{ stream_version: number; type: string }>(
      'SELECT stream_version, type FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [caseId],
    );
    expect(rows.map((row) => row.stream_version)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.length).toBeGreaterThan(before.rows[0]!.n);
    expect(rows.filter((row) => row.type === 'CaseOpened')).toHaveLength(1);
    expect(rows.slice(before.rows[0]!.n).map((row) => row.type)).toContain('ContactRecorded');

    // A new run of the same workflow id is running, and it knows the case (its view answers the next read).
    const description = await temporal.workflow.getHandle(caseWorkflowId(caseId)).describe();
    expect(description.status.name).toBe('RUNNING');
    const read = await api.get<{ case: { assignee?: string }; version: number }>(`/v1/cases/${caseId}`, caseworker);
    expect(read.status).toBe(200);
    expect(read.body.case.assignee).toBe(caseworker.userId);
    expect(read.body.version).toBe(rows.length);
  });

  it('still answers 404 for a case that never existed', async () => {
    const answer = await api.post(`/v1/cases/wk-never-opened-000000000000/contacts`, caseworker, {
      channel: 'walk_in',
      outcome: 'reached',
      confidentialityExplained: true,
    });
    expect({ status: answer.status, code: (answer.body as Record<string, unknown>)['code'] }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
  });
});
