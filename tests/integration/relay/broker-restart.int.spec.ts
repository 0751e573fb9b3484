// The relay against a private Kafka broker stopped and started again while events keep being appended: the
// checkpoint does not move while the broker is away, and once it is back every event is delivered, each case
// in order, with any re-delivery carrying the same message-id. The relay is wired as the app wires it: the
// app's Kafka client, the registry's topic names, topics ensured by the relay itself.
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import pino from 'pino';
import { EventStore } from '@baoho/event-store';
import { CASE_EVENTS_V1_TOPIC, NOTIFICATIONS_V1_TOPIC, TOPICS } from '@baoho/messaging';
import { createKafkaClient } from '@baoho/observability';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { startPrivateKafka, type PrivateKafka } from '../../support/private-kafka';
import {
  caseEvent,
  checkpointOf,
  checkPerCaseOrder,
  collect,
  createTestRelay,
  distinctIds,
  newCaseIds,
  SECRETS,
  SUBSCRIPTION,
  waitFor,
  type TestRelay,
} from './relay-fixture';

jest.setTimeout(240_000);

describe('log relay through a broker restart', () => {
  let broker: PrivateKafka;
  let db: TestDatabase;
  let pool: Pool;
  let relay: TestRelay | undefined;
  let stopAppending: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    [broker, db] = await Promise.all([startPrivateKafka(), createTestDatabase()]);
    pool = new Pool({ connectionString: db.url, max: 6 });
  });
  afterAll(async () => {
    await stopAppending();
    await relay?.relay.stop();
    await pool?.end();
    await Promise.all([broker?.dispose(), db?.drop()]);
  });

  it('delivers every event, per-case order intact, never moving the checkpoint while the broker is away', async () => {
    const store = new EventStore(pool);
    const cases = newCaseIds(4);
    const versions = new Map(cases.map((id) => [id, 0]));
    let appending = true;
    // one event every ~40 ms, round robin over the cases, before, during and after the outage
    const appender = (async () => {
      for (let i = 0; appending; i++) {
        const caseId = cases[i % cases.length]!;
        const version = versions.get(caseId)! + 1;
        await store.append(caseId, version - 1, [caseEvent(caseId, version)]);
        versions.set(caseId, version);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    stopAppending = async () => {
      appending = false;
      await appender.catch(() => undefined);
    };

    const kafka = createKafkaClient({ brokers: [broker.brokers], clientId: 'baoho-relay' }, pino({ level: 'silent' }));
    relay = createTestRelay({ pool, databaseUrl: db.url, kafka, ensureTopics: [TOPICS.caseEvents, TOPICS.notifications] });
    relay.relay.start();
    await waitFor(async () => (await relay!.published(CASE_EVENTS_V1_TOPIC)) >= 20, 'some events published before the outage');

    await broker.stop();
    // whatever was in flight when the broker went has settled by now; from here the checkpoint must stand still
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const stuckAt = await checkpointOf(pool, SUBSCRIPTION);
    const publishedBefore = await relay.published(CASE_EVENTS_V1_TOPIC);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await checkpointOf(pool, SUBSCRIPTION)).toBe(stuckAt);
    expect(await relay.published(CASE_EVENTS_V1_TOPIC)).toBe(publishedBefore);
    expect(await relay.lag()).toBeGreaterThan(0);

    await broker.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await stopAppending();
    const total = [...versions.values()].reduce((a, b) => a + b, 0);
    await waitFor(async () => (await relay!.lag()) === 0 && (await checkpointOf(pool, SUBSCRIPTION)) !== stuckAt, 'the relay to catch up', 120_000);

    const reader = new Kafka({ clientId: 'baoho-int-relay-reader', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    const collector = await collect(reader, [CASE_EVENTS_V1_TOPIC, NOTIFICATIONS_V1_TOPIC]);
    try {
      await waitFor(() => distinctIds(collector.of(CASE_EVENTS_V1_TOPIC)).size >= total, `all ${total} events`, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const { duplicates } = checkPerCaseOrder(collector.of(CASE_EVENTS_V1_TOPIC), versions);
      // at least once: a re-delivery is only ever of an event already delivered, recognisable by its message-id
      expect(duplicates.length).toBeLessThan(total);
      for (const message of collector.received) {
        for (const secret of SECRETS) expect(message.raw.includes(Buffer.from(secret))).toBe(false);
      }
      expect(distinctIds(collector.of(NOTIFICATIONS_V1_TOPIC)).size).toBeGreaterThan(0);
    } finally {
      await collector.stop();
    }
  });
});
