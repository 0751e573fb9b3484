import { get, readiness, serviceEnv, startApp, waitForReadiness, type AppName, type RunningApp } from '../../support/apps';

// Each app, built, against the real services: ready with its own dependencies, metrics, clean SIGTERM.
const dependenciesOf: Record<AppName, string[]> = {
  api: ['postgres', 'temporal'],
  worker: ['postgres', 'temporal', 'temporal-worker'],
  intake: ['postgres', 'kafka', 'temporal'],
  relay: ['postgres', 'kafka'],
  console: [], // it forwards to the API but needs nothing to serve its pages
};

describe.each(Object.entries(dependenciesOf) as Array<[AppName, string[]]>)('the %s app', (name, dependencies) => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp(name, serviceEnv());
  });
  afterAll(async () => {
    await app?.stop('SIGKILL');
  });

  it('is live as soon as it listens', async () => {
    const live = await get(`${app.url}/health/live`);
    expect(live.status).toBe(200);
    expect(JSON.parse(live.text)).toEqual({ status: 'up' });
  });

  it('is ready, listing each of its dependencies as up', async () => {
    // the worker reports ready once its Temporal worker polls, a moment after the HTTP server listens
    await waitForReadiness(app, (r) => r.httpStatus === 200);
    const { httpStatus, body } = await readiness(app);
    expect(httpStatus).toBe(200);
    expect(body.status).toBe('up');
    expect(body.dependencies.map((d) => d.name).sort()).toEqual([...dependencies].sort());
    expect(body.dependencies.every((d) => d.status === 'up' && d.error === undefined)).toBe(true);
  });

  it('serves Prometheus metrics labelled with its name', async () => {
    await readiness(app);
    const metrics = await get(`${app.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toContain('text/plain');
    expect(metrics.text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(metrics.text).toContain(`nodejs_heap_size_used_bytes{app="${name}"}`);
    // every app but the console (which has no dependency of its own) watches PostgreSQL
    expect(metrics.text.includes(`baoho_dependency_up{dependency="postgres",app="${name}"} 1`)).toBe(dependencies.includes('postgres'));
  });

  it('logs JSON lines only', () => {
    const lines = app.output().split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const entry = JSON.parse(line) as { app?: string; level?: string };
      expect(entry.app).toBe(name);
      expect(typeof entry.level).toBe('string');
    }
  });

  it('exits 0 on SIGTERM', async () => {
    const status = await app.stop('SIGTERM');
    expect(status).toEqual({ code: 0, signal: null });
  });
});
