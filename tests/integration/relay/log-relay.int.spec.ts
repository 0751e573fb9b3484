// apps/relay's loop against the real PostgreSQL and the shared Kafka broker (topics of its own per test):
// what it publishes, a relay killed between publish and checkpoint, and two relays at once.
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { EventStore } from '@baoho/event-store';
import { createKafka, silentLogger } from '@baoho/messaging';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { kafkaFixture, type KafkaFixture } from '../messaging/kafka-fixture';
import {
  appendEvents,
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
  type Collector,
  type TestRelay,
} from './relay-fixture';

jest.setTimeout(90_000);

describe('log relay', () => {
  let fx: KafkaFixture;
  let kafka: Kafka;
  let db: TestDatabase;
  let pool: Pool;
  let store: EventStore;
  let topics: { caseEvents: string; notifications: string };
  const relays: TestRelay[] = [];
  let testNumber = 0;
  const collectors: Collector[] = [];

  beforeAll(async () => {
    fx = await kafkaFixture('relay');
    kafka = createKafka({ clientId: 'baoho-int-relay', brokers: (process.env.KAFKA_BROKERS ?? '').split(','), logger: silentLogger });
  });
  afterAll(async () => {
    await fx.dispose();
  });
  beforeEach(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 6 });
    store = new EventStore(pool);
    const n = ++testNumber;
    // a topic just created on the shared broker can briefly answer "not hosted here": try once more
    const create = (name: string, partitions: number) => fx.createTopic(name, partitions).catch(() => fx.createTopic(name, partitions));
    topics = { caseEvents: await create(`case-events-${n}`, 3), notifications: await create(`notifications-${n}`, 2) };
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.relay.stop()));
    await Promise.all(collectors.splice(0).map((c) => c.stop()));
    await pool.end();
    await db.drop();
  });

  const startRelay = (extra: Partial<Parameters<typeof createTestRelay>[0]> = {}): TestRelay => {
    const relay = createTestRelay({ pool, databaseUrl: db.url, kafka, topics, ...extra });
    relays.push(relay);
    relay.relay.start();
    return relay;
  };
  const startCollector = async (): Promise<Collector> => {
    const collector = await collect(fx.kafka, [topics.caseEvents, topics.notifications]);
    collectors.push(collector);
    return collector;
  };

  it('publishes every event in per-case order, keyed by case, message-id = event id, with no personal data; notices also as notifications', async () => {
    const cases = newCaseIds(4);
    const collector = await startCollector();
    const relay = startRelay();
    await appendEvents(store, cases, 1, 9);

    await waitFor(() => collector.of(topics.caseEvents).length >= 36 && collector.of(topics.notifications).length >= 12, 'every message');
    const caseEvents = collector.of(topics.caseEvents);
    const { duplicates } = checkPerCaseOrder(caseEvents, new Map(cases.map((id) => [id, 9])));
    expect(duplicates).toEqual([]);

    // the personal part never leaves: not as a value, not as a key, not in a header
    for (const message of collector.received) {
      for (const secret of SECRETS) expect(message.raw.includes(Buffer.from(secret))).toBe(false);
      expect(message.raw.includes(Buffer.from('personal'))).toBe(false);
    }

    const opened = caseEvents.find((m) => m.key === cases[0] && m.value['version'] === 1)!;
    expect(opened.value).toEqual({
      eventId: `${cases[0]}:1`,
      caseId: cases[0],
      type: 'CaseOpened',
      version: 1,
      occurredAt: caseEvent(cases[0]!, 1).occurredAt,
      data: expect.objectContaining({ hotlineSource: 'hotline-kr', hotlineEventId: `hl-${cases[0]}`, missionCode: 'vn-embassy-seoul', risk: 'high' }),
    });
    // SupervisorNotified's `subject` code travels as `about` (the guard refuses a `subject` key)
    const supervisor = caseEvents.find((m) => m.key === cases[0] && m.value['type'] === 'SupervisorNotified')!;
    expect(supervisor.value['data']).toMatchObject({ about: 'consent_exception', category: 'host_police' });

    const notices = collector.of(topics.notifications).filter((m) => m.key === cases[0]);
    expect(notices.map((m) => m.value)).toEqual([
      {
        notificationId: `${cases[0]}:4:notice`, caseId: cases[0], kind: 'escalation', level: 0, mission: 'vn-embassy-seoul',
        recipientRole: 'caseworker', recipientUserId: 'u-17', riskLevel: 'high', item: 'engagement.first_contact',
        dueAt: '2025-01-06T09:00:00.000Z', occurredAt: caseEvent(cases[0]!, 4).occurredAt,
      },
      expect.objectContaining({ notificationId: `${cases[0]}:5:notice`, kind: 'escalation', level: 1, recipientRole: 'supervisor', recipientUserId: null, dueAt: '2025-01-06T09:00:00.000Z' }),
      expect.objectContaining({ notificationId: `${cases[0]}:6:notice`, kind: 'consent_exception', level: null, recipientRole: 'supervisor', item: 'host_police' }),
    ]);
    expect(notices.map((m) => m.messageId)).toEqual(notices.map((m) => m.value['notificationId']));

    await waitFor(async () => (await relay.lag()) === 0, 'lag 0');
    expect(await relay.published(topics.caseEvents)).toBe(36);
    expect(await relay.published(topics.notifications)).toBe(12);
    expect(await relay.registry.metrics()).toMatch(/baoho_relay_lag_events 0/);
    const { rows } = await pool.query<{ max: string }>('SELECT max(global_position)::text AS max FROM events');
    expect(await checkpointOf(pool, SUBSCRIPTION)).toBe(rows[0]!.max);
  });

  it('killed between publish and checkpoint: the next relay republishes that batch only, every event arrives, per-case order intact', async () => {
    const cases = newCaseIds(3);
    await appendEvents(store, cases, 1, 8);
    let batches = 0;
    let killedBatch: string[] = [];
    const first = startRelay({
      onPublished: (batch) => {
        if (++batches !== 3) return;
        killedBatch = batch.events.map((e) => e.eventId);
        first.relay.abort(); // dies here: published and acknowledged, not checkpointed
      },
    });
    await first.relay.stopped;
    expect(killedBatch).toHaveLength(5);
    // the checkpoint is where batch 2 ended: the 10th event in commit order
    const { rows } = await pool.query<{ position: string }>('SELECT global_position::text AS position FROM events ORDER BY transaction_id, global_position OFFSET 9 LIMIT 1');
    expect(await checkpointOf(pool, SUBSCRIPTION)).toBe(rows[0]!.position);

    // its session is gone, so its lock is: the next relay leads at once
    const second = startRelay();
    await waitFor(() => second.relay.isLeader, 'the new relay to lead');
    const collector = await startCollector();
    await waitFor(() => distinctIds(collector.of(topics.caseEvents)).size >= 24, 'every event');
    await waitFor(async () => (await second.lag()) === 0, 'lag 0');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const { duplicates } = checkPerCaseOrder(collector.of(topics.caseEvents), new Map(cases.map((id) => [id, 8])));
    expect(duplicates.sort()).toEqual([...killedBatch].sort());
    expect(await second.published(topics.caseEvents)).toBe(24 - 10);
  });

  it('two relays at once: only the leader publishes; when it stops the other takes over; per-case order intact', async () => {
    const cases = newCaseIds(3);
    const collector = await startCollector();
    const a = startRelay();
    const b = startRelay();
    await waitFor(() => a.relay.isLeader || b.relay.isLeader, 'a leader');
    await appendEvents(store, cases, 1, 6);
    await waitFor(() => distinctIds(collector.of(topics.caseEvents)).size >= 18, 'phase 1');

    const [leader, standby] = a.relay.isLeader ? [a, b] : [b, a];
    expect(standby.relay.isLeader).toBe(false);
    expect(await leader.published(topics.caseEvents)).toBe(18);
    expect(await standby.published(topics.caseEvents)).toBe(0);
    expect(await standby.metrics.leader.get()).toMatchObject({ values: [{ value: 0 }] });
    await waitFor(async () => (await standby.lag()) === 0, 'the standby to see lag 0 too');

    await leader.relay.stop();
    await appendEvents(store, cases, 7, 12);
    await waitFor(() => distinctIds(collector.of(topics.caseEvents)).size >= 36, 'phase 2');
    expect(standby.relay.isLeader).toBe(true);
    expect(await standby.published(topics.caseEvents)).toBe(18);
    expect(await leader.published(topics.caseEvents)).toBe(18);

    const { duplicates } = checkPerCaseOrder(collector.of(topics.caseEvents), new Map(cases.map((id) => [id, 12])));
    expect(duplicates).toEqual([]);
  });
});
