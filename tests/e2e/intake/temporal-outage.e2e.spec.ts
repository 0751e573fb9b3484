import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { serviceEnv, sleep, startReadyApps, type RunningApp } from '../../support/apps';
import { hotlineEvent } from '../../support/hotline-events';
import { startPrivateKafka, type PrivateKafka } from '../../support/private-kafka';
import { startPrivateTemporal, type PrivateTemporal } from '../../support/private-temporal';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';

// Temporal stops while hotline events arrive: the intake commits nothing, holds the partition and retries;
// when Temporal is back every report opens its case, once.
jest.setTimeout(300_000);

describe('hotline intake while Temporal is down', () => {
  let kafka: PrivateKafka;
  let temporal: PrivateTemporal;
  let db: TestDatabase;
  let pool: Pool;
  let apps: RunningApp[] = [];
  let producer: Producer;
  let client: Kafka;

  beforeAll(async () => {
    [kafka, temporal, db] = await Promise.all([startPrivateKafka(), startPrivateTemporal(), createTestDatabase()]);
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env = { ...serviceEnv(), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address };
    apps = await startReadyApps(['worker', 'intake'], env);
    client = new Kafka({ brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    producer = client.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(apps.map((app) => app.stop('SIGKILL')));
    await pool?.end();
    await db?.drop();
    await Promise.all([kafka?.dispose(), temporal?.dispose()]);
  });

  const opened = async (eventIds: readonly string[]): Promise<number[]> => {
    const { rows } = await pool.query<{ cases: string }>(
      `SELECT count(*) AS cases FROM events WHERE type = 'CaseOpened' AND data->>'hotlineEventId' = ANY($1) GROUP BY data->>'hotlineEventId'`,
      [eventIds],
    );
    return rows.map((row) => Number(row.cases));
  };

  const committedOffsets = async (): Promise<number> => {
    const admin = client.admin();
    await admin.connect();
    const [topic] = await admin.fetchOffsets({ groupId: 'baoho-intake', topics: ['hotline.calls.v1'] });
    await admin.disconnect();
    return (topic?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  };

  it('commits nothing while Temporal is away and opens every case once when it is back', async () => {
    const warmUp = hotlineEvent();
    await producer.send({ topic: 'hotline.calls.v1', messages: [{ key: warmUp['eventId'] as string, value: JSON.stringify(warmUp) }] });
    for (let i = 0; i < 120 && (await opened([warmUp['eventId'] as string])).length === 0; i++) await sleep(500);
    expect(await opened([warmUp['eventId'] as string])).toEqual([1]);
    const before = await committedOffsets();

    await temporal.stop();
    const events = Array.from({ length: 6 }, () => hotlineEvent());
    const ids = events.map((event) => event['eventId'] as string);
    await producer.send({
      topic: 'hotline.calls.v1',
      messages: events.map((event) => ({ key: event['eventId'] as string, value: JSON.stringify(event) })),
    });
    await sleep(8_000);
    expect(await opened(ids)).toEqual([]);
    expect(await committedOffsets()).toBe(before);
    expect(apps.every((app) => app.alive())).toBe(true);

    await temporal.start();
    let counts: number[] = [];
    for (let i = 0; i < 240 && counts.length < ids.length; i++) {
      await sleep(500);
      counts = await opened(ids);
    }
    expect(counts).toEqual(ids.map(() => 1));
    for (let i = 0; i < 40 && (await committedOffsets()) < before + ids.length; i++) await sleep(500);
    expect(await committedOffsets()).toBe(before + ids.length);
  });
});
