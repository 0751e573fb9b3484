import { serviceEnv, startApp, waitForReadiness, type RunningApp } from '../../support/apps';
import { startPrivateKafka, type PrivateKafka } from '../../support/private-kafka';

// intake and relay pointed at a private Kafka: stopping it turns their readiness to 503 naming kafka while
// the processes stay alive; starting it again brings them back to 200 without a restart.
jest.setTimeout(240_000);

describe('intake and relay through a Kafka outage', () => {
  let kafka: PrivateKafka;
  let apps: RunningApp[] = [];

  beforeAll(async () => {
    kafka = await startPrivateKafka();
    const env = { ...serviceEnv(), KAFKA_BROKERS: kafka.brokers };
    apps = await Promise.all([startApp('intake', env), startApp('relay', env)]);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGKILL')));
    await kafka?.dispose();
  });

  it('are ready while the broker runs', async () => {
    for (const app of apps) {
      const { body } = await waitForReadiness(app, (r) => r.httpStatus === 200);
      expect(body.dependencies).toContainEqual({ name: 'kafka', status: 'up' });
    }
  });

  it('report 503 naming kafka once the broker stops, and stay alive', async () => {
    await kafka.stop();
    for (const app of apps) {
      const { body } = await waitForReadiness(app, (r) => r.httpStatus === 503);
      expect(body.status).toBe('down');
      const kafkaStatus = body.dependencies.find((d) => d.name === 'kafka');
      expect(kafkaStatus).toEqual({ name: 'kafka', status: 'down', error: expect.any(String) });
      expect(body.dependencies.filter((d) => d.name !== 'kafka').every((d) => d.status === 'up')).toBe(true);
    }
    // repeated probes against the stopped broker must not bring a process down
    for (let round = 0; round < 5; round++) {
      for (const app of apps) await waitForReadiness(app, (r) => r.httpStatus === 503);
    }
    for (const app of apps) expect(app.alive()).toBe(true);
  });

  it('are ready again once the broker is back, without a restart', async () => {
    const pids = apps.map((app) => app.process.pid);
    await kafka.start();
    for (const app of apps) {
      const { body } = await waitForReadiness(app, (r) => r.httpStatus === 200, 60_000);
      expect(body.dependencies).toContainEqual({ name: 'kafka', status: 'up' });
    }
    expect(apps.map((app) => app.process.pid)).toEqual(pids);
    expect(apps.every((app) => app.alive())).toBe(true);
  });

  it('exit 0 on SIGTERM', async () => {
    for (const app of apps) expect(await app.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
