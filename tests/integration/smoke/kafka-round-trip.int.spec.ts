import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

// A produce/consume round trip through the real broker started by scripts/services.sh.
describe('the Kafka broker', () => {
  const kafka = new Kafka({
    clientId: 'baoho-smoke',
    brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    logLevel: logLevel.NOTHING,
  });
  const topic = `smoke.round-trip.${randomUUID()}`;
  const admin = kafka.admin();
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}` });

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await producer.connect();
    await consumer.connect();
  });
  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('delivers every message produced, keyed and ordered per key', async () => {
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `case-${i % 3}`, value: String(i) }));
    const received: Array<{ key: string; value: string }> = [];
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: message.key!.toString(), value: message.value!.toString() });
          if (received.length === sent.length) resolve();
        },
      });
    });
    await producer.send({ topic, acks: -1, messages: sent });
    await done;
    for (const key of ['case-0', 'case-1', 'case-2']) {
      const expected = sent.filter((m) => m.key === key).map((m) => m.value);
      expect(received.filter((m) => m.key === key).map((m) => m.value)).toEqual(expected);
    }
  });
});
