// ConsumedRecordsPurger against the real broker: what a ReliableConsumer's group committed is deleted from the
// topic, what it has not handled yet (held for retry, or never read) stays, and a group that committed nothing
// deletes nothing. hotline.calls.v1 depends on it: its records are hotline reports in plaintext.
import type { Producer } from 'kafkajs';
import { ConsumedRecordsPurger, createIdempotentProducer, processed, publishWithAck, ReliableConsumer, retryLater, type ConsumedMessage } from '@baoho/messaging';
import { kafkaFixture, waitFor, type KafkaFixture } from './kafka-fixture';

describe('ConsumedRecordsPurger', () => {
  let fx: KafkaFixture;
  let producer: Producer;
  const running: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    fx = await kafkaFixture('purger');
    producer = createIdempotentProducer(fx.kafka);
    await producer.connect();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((item) => item.stop()));
  });
  afterAll(async () => {
    await producer.disconnect();
    await fx.dispose();
  });

  const send = async (topic: string, partition: number, values: string[]) => {
    await publishWithAck(producer, topic, values.map((value) => ({ key: value, value, partition })));
  };

  /** Every record the topic still holds, per partition, read from the beginning by a throwaway group. */
  const remaining = async (topic: string, expected: number): Promise<Map<number, string[]>> => {
    const seen = new Map<number, string[]>();
    let count = 0;
    const reader = fx.kafka.consumer({ groupId: fx.groupId('reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ partition, message }) => {
        seen.set(partition, [...(seen.get(partition) ?? []), `${message.offset}:${String(message.value)}`]);
        count++;
      },
    });
    try {
      await waitFor(() => count >= expected, `${expected} remaining records`);
    } finally {
      await reader.disconnect();
    }
    return seen;
  };

  const watermarks = async (topic: string) =>
    (await fx.admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition).map(({ partition, low, high }) => ({ partition, low, high }));

  it('deletes the records below the committed offset and keeps what is not handled yet', async () => {
    const topic = await fx.createTopic('consumed', 2);
    const groupId = fx.groupId('consumed');
    await send(topic, 0, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
    await send(topic, 1, ['b0', 'b1', 'b2']);
    // partition 0 from offset 5 on cannot be handled yet (held for retry, as while Temporal is away)
    let open = false;
    const consumer = new ReliableConsumer({
      kafka: fx.kafka,
      groupId,
      topics: [topic],
      handler: async (message: ConsumedMessage) => (open || message.partition === 1 || Number(message.offset) < 5 ? processed() : retryLater('not yet')),
      onRejected: async () => undefined,
      logger: fx.logger,
      backoff: { initialMs: 100, maxMs: 300, multiplier: 2, jitter: 0 },
      sessionTimeoutMs: 10_000,
      partitionsConsumedConcurrently: 2,
    });
    running.push(consumer);
    await consumer.start();
    await waitFor(async () => (await fx.committed(groupId, topic, 0)) === '5' && (await fx.committed(groupId, topic, 1)) === '3', 'the commits');

    const purger = new ConsumedRecordsPurger({ kafka: fx.kafka, groupId, topic, intervalMs: 60_000, logger: fx.logger });
    running.push(purger);
    expect(await purger.purgeOnce()).toEqual([
      { partition: 0, from: '0', to: '5' },
      { partition: 1, from: '0', to: '3' },
    ]);
    expect(await watermarks(topic)).toEqual([
      { partition: 0, low: '5', high: '8' },
      { partition: 1, low: '3', high: '3' },
    ]);
    // the held records are all there, from the first one not handled; nothing consumed is left
    expect(await remaining(topic, 3)).toEqual(new Map([[0, ['5:a5', '6:a6', '7:a7']]]));
    // a second purge with nothing newly committed deletes nothing
    expect(await purger.purgeOnce()).toEqual([]);

    // once the rest is handled, stopping purges one last time (what an intake does on shutdown)
    open = true;
    await waitFor(async () => (await fx.committed(groupId, topic, 0)) === '8', 'the rest committed');
    await purger.stop();
    expect(await watermarks(topic)).toEqual([
      { partition: 0, low: '8', high: '8' },
      { partition: 1, low: '3', high: '3' },
    ]);
  });

  it('purges on its interval while running, and a group that committed nothing deletes nothing', async () => {
    const topic = await fx.createTopic('interval');
    const idle = new ConsumedRecordsPurger({ kafka: fx.kafka, groupId: fx.groupId('never-consumed'), topic, intervalMs: 60_000, logger: fx.logger });
    running.push(idle);
    await send(topic, 0, ['c0', 'c1', 'c2']);
    expect(await idle.purgeOnce()).toEqual([]);
    expect(await watermarks(topic)).toEqual([{ partition: 0, low: '0', high: '3' }]);

    const groupId = fx.groupId('interval');
    const consumer = new ReliableConsumer({ kafka: fx.kafka, groupId, topics: [topic], handler: async () => processed(), onRejected: async () => undefined, logger: fx.logger, sessionTimeoutMs: 10_000 });
    running.push(consumer);
    await consumer.start();
    const purger = new ConsumedRecordsPurger({ kafka: fx.kafka, groupId, topic, intervalMs: 200, logger: fx.logger });
    running.push(purger);
    purger.start();
    await waitFor(async () => (await watermarks(topic))[0]!.low === '3', 'the timed purge');
    await send(topic, 0, ['c3']);
    await waitFor(async () => (await watermarks(topic))[0]!.low === '4', 'the next timed purge');
  });
});
