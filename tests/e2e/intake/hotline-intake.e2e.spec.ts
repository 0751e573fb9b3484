import { Kafka, logLevel, type Consumer, type KafkaMessage, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { serviceEnv, startReadyApps, type RunningApp } from '../../support/apps';
import { hotlineEvent, malformedInputs } from '../../support/hotline-events';
import { startPrivateKafka, type PrivateKafka } from '../../support/private-kafka';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { uniqueTaskQueue } from '../../support/temporal';
import { authHeader } from '../../support/tokens';

// The intake and worker apps as `npm start` runs them, on a private Kafka broker (clean topics), the dev
// server and a fresh database: hotline events in, one case per report, every refusal kept.
jest.setTimeout(240_000);

describe('hotline intake', () => {
  let kafka: PrivateKafka;
  let db: TestDatabase;
  let pool: Pool;
  let apps: RunningApp[] = [];
  let intake: RunningApp;
  let producer: Producer;
  let client: Kafka;

  beforeAll(async () => {
    [kafka, db] = await Promise.all([startPrivateKafka(), createTestDatabase()]);
    pool = new Pool({ connectionString: db.url, max: 2 });
    const env = { ...serviceEnv(), KAFKA_BROKERS: kafka.brokers, DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-intake'), HOTLINE_PURGE_INTERVAL_MS: '1000' };
    apps = await startReadyApps(['worker', 'intake'], env);
    intake = apps[1]!;
    client = new Kafka({ brokers: [kafka.brokers], logLevel: logLevel.NOTHING });
    producer = client.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all(apps.map((app) => app.stop('SIGTERM')));
    await pool?.end();
    await db?.drop();
    await kafka?.dispose();
  });

  // A hotline system posts reports with its integration token; an administrator handles rejections.
  const hotlineSystem = authHeader({ role: 'hotline_integration', user: 'hotline-e2e' });
  const administrator = authHeader({ role: 'admin', user: 'admin-e2e' });
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${intake.url}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...(path.startsWith('/v1/rejections') ? administrator : hotlineSystem), ...headers },
    });

  const casesOpenedFor = async (eventIds: readonly string[]): Promise<Map<string, number>> => {
    const { rows } = await pool.query<{ hotline_event_id: string; cases: string }>(
      `SELECT data->>'hotlineEventId' AS hotline_event_id, count(*) AS cases FROM events
        WHERE type = 'CaseOpened' AND data->>'hotlineEventId' = ANY($1) GROUP BY 1`,
      [eventIds],
    );
    return new Map(rows.map((row) => [row.hotline_event_id, Number(row.cases)]));
  };

  const eventually = async <T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    let value = await probe();
    while (!done(value) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      value = await probe();
    }
    return value;
  };

  describe('over HTTP', () => {
    it('opens one case per report, answers a repeat with the same case, and refuses with problem details', async () => {
      const event = hotlineEvent();
      const first = await post('/v1/hotline-events', JSON.stringify(event));
      expect(first.status).toBe(201);
      const opened = (await first.json()) as { caseId: string; outcome: string };
      expect(opened).toEqual({ caseId: expect.stringMatching(/^hl-[0-9a-f]{24}$/), outcome: 'opened' });
      // The event records the hotline system the token names, not anything in the body.
      const { rows: [openedEvent] } = await pool.query(`SELECT metadata FROM events WHERE stream_id = $1 AND type = 'CaseOpened'`, [opened.caseId]);
      expect(openedEvent.metadata).toMatchObject({ actor: 'hotline-e2e', role: 'hotline_integration', missions: [] });

      // A repeat is answered as the first was (Temporal answers the same update id with the first result).
      const again = await post('/v1/hotline-events', JSON.stringify(event));
      expect(again.status).toBe(201);
      expect(await again.json()).toEqual(opened);
      expect(await casesOpenedFor([event['eventId'] as string])).toEqual(new Map([[event['eventId'], 1]]));

      const refused = await post('/v1/hotline-events', JSON.stringify(hotlineEvent((e) => void delete e['subject'])));
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await refused.json()) as Record<string, unknown>;
      expect(problem).toMatchObject({ status: 400, code: 'SCHEMA_VIOLATION', issues: [{ path: 'subject', code: 'invalid_type' }] });
      expect(JSON.stringify(problem)).not.toContain('5555');
      expect(problem['rejectionId']).toEqual(expect.any(String));
    });
  });

  describe('over Kafka', () => {
    it('opens exactly one case per report in a duplicate storm: each sent three times, shuffled, across partitions', async () => {
      const events = Array.from({ length: 15 }, () => hotlineEvent());
      const copies = events.flatMap((event) => [0, 1, 2].map((copy) => ({ event, key: `${event['eventId']}-${copy}` })));
      copies.sort(() => Math.random() - 0.5);
      await producer.send({
        topic: 'hotline.calls.v1',
        messages: copies.map(({ event, key }) => ({ key, value: JSON.stringify(event) })),
      });
      const ids = events.map((event) => event['eventId'] as string);
      const opened = await eventually(() => casesOpenedFor(ids), (found) => found.size === ids.length);
      expect([...opened.keys()].sort()).toEqual([...ids].sort());
      expect([...opened.values()].every((count) => count === 1)).toBe(true);
    });

    it('deletes from hotline.calls.v1 every report it has handled: the broker keeps no plaintext it no longer needs', async () => {
      const events = Array.from({ length: 6 }, () => hotlineEvent());
      await producer.send({ topic: 'hotline.calls.v1', messages: events.map((event) => ({ key: event['eventId'] as string, value: JSON.stringify(event) })) });
      const ids = events.map((event) => event['eventId'] as string);
      expect((await eventually(() => casesOpenedFor(ids), (found) => found.size === ids.length)).size).toBe(ids.length);
      const admin = client.admin();
      await admin.connect();
      try {
        // every partition's low watermark reaches the group's committed offset, which is the end: all handled
        const marks = async () => {
          const [committed] = await admin.fetchOffsets({ groupId: 'baoho-intake', topics: ['hotline.calls.v1'] });
          const offsets = await admin.fetchTopicOffsets('hotline.calls.v1');
          return offsets.map(({ partition, low, high }) => ({ partition, low, high, committed: committed!.partitions.find((p) => p.partition === partition)!.offset }));
        };
        const after = await eventually(marks, (found) => found.every((mark) => mark.low === mark.high && (mark.high === '0' || mark.committed === mark.high)));
        expect(after.every((mark) => mark.low === mark.high)).toBe(true);
        expect(after.reduce((sum, mark) => sum + Number(mark.low), 0)).toBeGreaterThanOrEqual(events.length);
      } finally {
        await admin.disconnect();
      }
    });

    it('keeps ten kinds of malformed input in the DLQ and the rejection store, keeps flowing, and replays a correction', async () => {
      const inputs = malformedInputs();
      const after = hotlineEvent();
      // One key: every message on the same partition, so the valid one after them proves the partition flows.
      await producer.send({
        topic: 'hotline.calls.v1',
        messages: [
          ...inputs.map((input) => ({ key: 'same-partition', value: input.value, headers: input.headers ?? {} })),
          { key: 'same-partition', value: JSON.stringify(after) },
        ],
      });
      const opened = await eventually(() => casesOpenedFor([after['eventId'] as string]), (found) => found.size === 1);
      expect(opened.get(after['eventId'] as string)).toBe(1);

      const dead = await readTopic(client, 'hotline.calls.dlq.v1', inputs.length);
      const reasons = dead.map((message) => message.headers?.['dlq-reason-code']?.toString());
      expect(reasons.sort()).toEqual(inputs.map((input) => input.code).sort());
      for (const message of dead) expect(message.headers?.['dlq-reason']?.toString()).not.toContain('Nguyễn');

      const stored = await eventually(
        async () => (await pool.query(`SELECT rejection_id, reason_code FROM hotline_rejections WHERE received_via = 'kafka' ORDER BY rejection_id`)).rows,
        (rows) => rows.length >= inputs.length,
      );
      expect(stored.map((row) => row.reason_code).sort()).toEqual(inputs.map((input) => input.code).sort());

      const listed = await fetch(`${intake.url}/v1/rejections?status=open&limit=200`, { headers: administrator });
      const page = (await listed.json()) as { items: Array<{ rejectionId: string; reason: { code: string } }> };
      const missingField = page.items.find((item) => item.reason.code === 'SCHEMA_VIOLATION');
      expect(missingField).toBeDefined();
      expect(JSON.stringify(page)).not.toContain('Nguyễn');

      const corrected = hotlineEvent();
      const replay = await post(`/v1/rejections/${missingField!.rejectionId}/replay`, JSON.stringify(corrected));
      expect(replay.status).toBe(201);
      expect(await replay.json()).toMatchObject({ outcome: 'opened', rejectionId: missingField!.rejectionId });
      expect(await casesOpenedFor([corrected['eventId'] as string])).toEqual(new Map([[corrected['eventId'], 1]]));
      const second = await post(`/v1/rejections/${missingField!.rejectionId}/replay`, JSON.stringify(corrected));
      expect(second.status).toBe(409);
    });
  });
});

/** Reads `count` messages of a topic from its beginning with a throwaway group. */
async function readTopic(kafka: Kafka, topic: string, count: number, timeoutMs = 60_000): Promise<KafkaMessage[]> {
  const consumer: Consumer = kafka.consumer({ groupId: `e2e-reader-${Date.now()}-${Math.random()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      messages.push(message);
      if (messages.length >= count) done();
    },
  });
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  await consumer.disconnect();
  return messages;
}
