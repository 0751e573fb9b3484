import { runToExit, serviceEnv, type AppName } from '../../support/apps';

// A bad or missing variable stops an app at boot, naming the variable and never printing a secret.
describe('an app started with a bad configuration', () => {
  const cases: Array<[AppName, string, Record<string, string | undefined>]> = [
    ['api', 'DATABASE_URL', { DATABASE_URL: undefined }],
    ['worker', 'TEMPORAL_ADDRESS', { TEMPORAL_ADDRESS: undefined }],
    ['intake', 'KAFKA_BROKERS', { KAFKA_BROKERS: 'no-port-here' }],
    ['relay', 'HTTP_PORT', { HTTP_PORT: '99999' }],
    ['api', 'LOG_LEVEL', { LOG_LEVEL: 'chatty' }],
  ];

  it.each(cases)('%s exits non-zero naming %s', async (name, variable, override) => {
    const result = await runToExit(name, { ...serviceEnv(), ...override });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const fatal = result.output
      .split('\n')
      .filter((line) => line.includes('"fatal"'))
      .map((line) => JSON.parse(line) as { variables: string[]; msg: string });
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.variables).toEqual([variable]);
    expect(fatal[0]?.msg).toContain(variable);
  });

  it('never prints the value of a bad variable', async () => {
    const secret = 'pw-Zx81-not-for-logs';
    const result = await runToExit('relay', {
      ...serviceEnv(),
      DATABASE_URL: `mysql://baoho:${secret}@db.internal/baoho`,
      KAFKA_BROKERS: `broker-${secret}`,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('DATABASE_URL');
    expect(result.output).toContain('KAFKA_BROKERS');
    expect(result.output).not.toContain(secret);
  });
});
