import { freePort, serviceEnv, sleep, startApp, waitForReadiness, type RunningApp } from '../../support/apps';

// Temporal unreachable at boot (nothing listens on its address): the apps that need it start anyway, stay
// alive, report not ready naming temporal, and still shut down cleanly.
describe('apps whose Temporal is unreachable', () => {
  let address: string;
  const running: RunningApp[] = [];

  beforeAll(async () => {
    address = `127.0.0.1:${await freePort()}`;
  });
  afterAll(async () => {
    await Promise.all(running.map((app) => app.stop('SIGKILL')));
  });

  it.each(['worker', 'api'] as const)('%s keeps running, reports 503 naming temporal, exits 0 on SIGTERM', async (name) => {
    const app = await startApp(name, { ...serviceEnv(), TEMPORAL_ADDRESS: address });
    running.push(app);
    const { httpStatus, body } = await waitForReadiness(app, (r) => r.httpStatus === 503);
    expect(httpStatus).toBe(503);
    expect(body.status).toBe('down');
    expect(body.dependencies).toContainEqual(expect.objectContaining({ name: 'temporal', status: 'down' }));
    expect(body.dependencies).toContainEqual({ name: 'postgres', status: 'up' });
    if (name === 'worker') {
      expect(body.dependencies).toContainEqual(expect.objectContaining({ name: 'temporal-worker', status: 'down' }));
    }
    await sleep(3_000); // a few retries later
    expect(app.alive()).toBe(true);
    expect(await app.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
