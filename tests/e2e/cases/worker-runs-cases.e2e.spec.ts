import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { caseViewQuery } from '@baoho/workflows';
import { serviceEnv, startApp, waitForReadiness, type RunningApp } from '../../support/apps';
import { openCase, send } from '../../support/case-client';
import { command, hotlineReport, supervisor } from '../../support/case-commands';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { uniqueTaskQueue } from '../../support/temporal';

// The built worker app, as `npm start` runs it, on the dev server and a fresh database: a case opened through
// Temporal is written to the log and the worklist, and Temporal's own visibility finds it by its attributes.
describe('the worker app running protection cases', () => {
  let db: TestDatabase;
  let pool: Pool;
  let worker: RunningApp;
  let connection: Connection;
  let client: Client;
  const taskQueue = uniqueTaskQueue('e2e-cases');

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    worker = await startApp('worker', { ...serviceEnv(), DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: taskQueue });
    await waitForReadiness(worker, (r) => r.httpStatus === 200);
    connection = await Connection.connect({ address: serviceEnv()['TEMPORAL_ADDRESS']! });
    client = new Client({ connection });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await connection?.close();
    await pool?.end();
    await db?.drop();
  });

  it('opens a case, records it in the log and the worklist, and lists it by mission and status', async () => {
    const report = hotlineReport(Date.now());
    const { handle, view } = await openCase(client, taskQueue, report);
    expect(view).toMatchObject({ caseId: report.caseId, risk: 'critical', missionCode: 'KR-SEL' });
    await send(handle, command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }));

    const log = await pool.query('SELECT stream_version, event_id, type FROM events WHERE stream_id = $1 ORDER BY stream_version', [report.caseId]);
    expect(log.rows.map((row) => row.type).slice(0, 1)).toEqual(['CaseOpened']);
    expect(log.rows.map((row) => row.event_id)).toEqual(log.rows.map((row) => `${report.caseId}:${row.stream_version}`));
    const summary = await pool.query('SELECT stream_version FROM case_summary WHERE case_id = $1', [report.caseId]);
    expect(summary.rows[0]?.stream_version).toBe(log.rowCount);
    expect((await handle.query(caseViewQuery))?.assignee).toBe('cw-1');

    const query = `WorkflowId = '${handle.workflowId}' AND CaseMission = 'KR-SEL' AND CaseRiskLevel = 'critical' AND CaseStatus = 'open' AND CaseNextDueAt > '2000-01-01T00:00:00Z'`;
    let listed: string[] = [];
    for (let attempt = 0; attempt < 50 && listed.length === 0; attempt++) {
      listed = [];
      for await (const execution of client.workflow.list({ query })) listed.push(execution.workflowId);
      if (listed.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(listed).toEqual([handle.workflowId]);
    await handle.terminate('end of test');
  });
});
