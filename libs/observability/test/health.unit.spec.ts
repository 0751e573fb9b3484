import { Registry } from 'prom-client';
import { DependencyDownError, describeError, HealthService, type DependencyIndicator } from '../src/index';

const up = (name: string): DependencyIndicator => ({ name, check: async () => undefined });
const down = (name: string, error: unknown): DependencyIndicator => ({ name, check: async () => Promise.reject(error) });

describe('readiness', () => {
  it('is up when every dependency answers', async () => {
    const health = new HealthService(new Registry(), [up('postgres'), up('temporal')]);
    expect(await health.readiness()).toEqual({
      status: 'up',
      dependencies: [
        { name: 'postgres', status: 'up' },
        { name: 'temporal', status: 'up' },
      ],
    });
  });

  it('is down when one dependency fails, naming it with a short error', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9092'), { code: 'ECONNREFUSED' });
    const health = new HealthService(new Registry(), [up('postgres'), down('kafka', refused)]);
    expect(await health.readiness()).toEqual({
      status: 'down',
      dependencies: [
        { name: 'postgres', status: 'up' },
        { name: 'kafka', status: 'down', error: 'ECONNREFUSED' },
      ],
    });
  });

  it('counts a probe that does not answer in time as down, and joins it rather than starting another', async () => {
    let calls = 0;
    const hanging: DependencyIndicator = { name: 'temporal', check: () => (calls++, new Promise(() => undefined)) };
    const health = new HealthService(new Registry(), [hanging]);
    const first = await health.readiness();
    const second = await health.readiness();
    expect(first.dependencies[0]).toEqual({ name: 'temporal', status: 'down', error: 'timeout' });
    expect(second).toEqual(first);
    expect(calls).toBe(1);
  });

  it('exports each dependency as a gauge', async () => {
    const registry = new Registry();
    const health = new HealthService(registry, [up('postgres'), down('kafka', new DependencyDownError('no-brokers'))]);
    await health.readiness();
    const text = await registry.metrics();
    expect(text).toContain('baoho_dependency_up{dependency="postgres"} 1');
    expect(text).toContain('baoho_dependency_up{dependency="kafka"} 0');
  });
});

describe('describeError', () => {
  it('prefers a code, looking through wrapped errors', () => {
    const inner = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    expect(describeError(Object.assign(new Error('outer'), { originalError: inner }))).toBe('ECONNREFUSED');
  });

  it('masks credentials in a URL and keeps it short', () => {
    const described = describeError(new Error(`cannot reach postgres://baoho:hunter2@db:5432/baoho ${'x'.repeat(300)}`));
    expect(described).not.toContain('hunter2');
    expect(described).toContain('postgres://***@db');
    expect(described.length).toBeLessThanOrEqual(160);
  });
});
