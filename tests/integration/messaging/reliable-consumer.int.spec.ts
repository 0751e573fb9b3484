// ReliableConsumer against the real broker: offsets are committed only after success, poison goes to the
// DLQ without blocking its partition, transient failures are retried without loss or skip, and a restarted
// group resumes exactly from what was committed.
import type { Producer } from 'kafkajs';
import {
  createDeadLetterHook,
  createIdempotentProducer,
  DLQ_HEADERS,
  processed,
  publishWithAck,
  rejected,
  ReliableConsumer,
  retryLater,
  type ConsumedMessage,
  type MessageHandler,
  type OutcomeEvent,
  type Rejection,
  type RejectionHook,
} from '@baoho/messaging';
import { kafkaFixture, sleep, waitFor, type KafkaFixture } from './kafka-fixture';

const fastBackoff = { initialMs: 100, maxMs: 400, multiplier: 2, jitter: 0 };

describe('ReliableConsumer', () => {
  let fx: KafkaFixture;
  let producer: Producer;
  const running: ReliableConsumer[] = [];

  beforeAll(async () => {
    fx = await kafkaFixture('reliable-consumer');
    producer = createIdempotentProducer(fx.kafka);
    await producer.connect();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });
  afterAll(async () => {
    await producer.disconnect();
    await fx.dispose();
  });

  const send = (topic: string, values: string[]) =>
    publishWithAck(producer, topic, values.map((value, i) => ({ key: `k-${i}`, value, headers: { 'trace-id': `t-${value}` } })));

  const start = async (
    topic: string,
    groupId: string,
    handler: MessageHandler,
    extra: { onRejected?: RejectionHook; onOutcome?: (event: OutcomeEvent) => void; window?: number } = {},
  ): Promise<ReliableConsumer> => {
    const consumer = new ReliableConsumer({
      kafka: fx.kafka,
      groupId,
      topics: [topic],
      handler,
      onRejected: extra.onRejected ?? (async () => undefined),
      logger: fx.logger,
      backoff: fastBackoff,
      sessionTimeoutMs: 10_000,
      ...(extra.onOutcome ? { onOutcome: extra.onOutcome } : {}),
      ...(extra.window ? { messagesPerPartitionConcurrently: extra.window } : {}),
    });
    running.push(consumer);
    await consumer.start();
    return consumer;
  };

  const stop = async (consumer: ReliableConsumer) => {
    running.splice(running.indexOf(consumer), 1);
    await consumer.stop();
  };

  const text = (message: ConsumedMessage) => message.value?.toString() ?? '';

  it('commits an offset only after the handler succeeded', async () => {
    const topic = await fx.createTopic('commit-after-success');
    const groupId = fx.groupId('commit-after-success');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    await send(topic, ['m0']);
    await start(topic, groupId, async () => {
      entered = true;
      await gate;
      return processed();
    });

    await waitFor(() => entered, 'the handler to start');
    await sleep(500);
    expect(await fx.committed(groupId, topic)).toBe('-1');

    release();
    await waitFor(async () => (await fx.committed(groupId, topic)) === '1', 'the commit after success');
  });

  it('dead-letters a rejected message with its reason and origin, then keeps the partition flowing', async () => {
    const topic = await fx.createTopic('poison');
    const dlq = await fx.createTopic('poison-dlq');
    const groupId = fx.groupId('poison');
    const handled: string[] = [];
    const stored: Rejection[] = [];
    await send(topic, ['good-0', 'bad-1', 'good-2']);
    await start(
      topic,
      groupId,
      async (message) => {
        handled.push(text(message));
        return text(message).startsWith('bad')
          ? rejected({ code: 'SCHEMA_VIOLATION', message: 'eventId (invalid_type)', issues: [{ path: 'eventId', code: 'invalid_type' }] })
          : processed();
      },
      {
        onRejected: createDeadLetterHook({
          producer,
          topic: dlq,
          store: async (rejection) => {
            stored.push(rejection);
            return `rejection-${rejection.message.offset}`;
          },
        }),
      },
    );

    await waitFor(async () => (await fx.committed(groupId, topic)) === '3', 'all three offsets committed');
    expect(handled).toEqual(['good-0', 'bad-1', 'good-2']);
    expect(stored.map((rejection) => rejection.message.offset)).toEqual(['1']);

    const deadLetters: Array<{ key: string; value: string | null; headers: Record<string, string> }> = [];
    const reader = fx.kafka.consumer({ groupId: fx.groupId('dlq-reader') });
    await reader.connect();
    await reader.subscribe({ topic: dlq, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        deadLetters.push({ key: String(message.key), value: message.value === null ? null : String(message.value), headers });
      },
    });
    try {
      await waitFor(() => deadLetters.length === 1, 'the dead letter');
    } finally {
      await reader.disconnect();
    }
    const [dead] = deadLetters;
    expect(dead?.key).toBe('k-1');
    // No payload: a refused report may hold personal data, so its bytes stay in the (sealed) rejection store.
    expect(dead?.value).toBeNull();
    expect(dead?.headers['trace-id']).toBeUndefined();
    expect(dead?.headers).toMatchObject({
      [DLQ_HEADERS.rejectionId]: 'rejection-1',
      [DLQ_HEADERS.reasonCode]: 'SCHEMA_VIOLATION',
      [DLQ_HEADERS.reason]: 'eventId (invalid_type)',
      [DLQ_HEADERS.reasonIssues]: JSON.stringify([{ path: 'eventId', code: 'invalid_type' }]),
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: '0',
      [DLQ_HEADERS.originalOffset]: '1',
    });
    expect(Number.isNaN(Date.parse(dead?.headers[DLQ_HEADERS.rejectedAt] ?? ''))).toBe(false);
  });

  it('holds a message whose rejection could not be made durable, and commits once it is', async () => {
    const topic = await fx.createTopic('hook-fails');
    const groupId = fx.groupId('hook-fails');
    let hookCalls = 0;
    await send(topic, ['bad-0']);
    await start(topic, groupId, async () => rejected({ code: 'NOT_JSON', message: 'not JSON' }), {
      onRejected: async () => {
        hookCalls += 1;
        if (hookCalls < 3) throw new Error('rejection store down');
      },
    });
    await waitFor(async () => (await fx.committed(groupId, topic)) === '1', 'the commit after the hook succeeded');
    expect(hookCalls).toBe(3);
  });

  it('retries a transient failure with a growing backoff, then processes it once; nothing skipped, committed only then', async () => {
    const topic = await fx.createTopic('transient');
    const groupId = fx.groupId('transient');
    const successes: string[] = [];
    const attempts: number[] = [];
    const delays: number[] = [];
    const committedWhileFailing: string[] = [];
    await send(topic, ['m0', 'm1', 'm2']);
    await start(
      topic,
      groupId,
      async (message) => {
        if (text(message) === 'm1') {
          attempts.push(message.attempt);
          if (message.attempt === 2) throw new Error('Temporal unavailable');
          if (message.attempt <= 3) {
            committedWhileFailing.push(await fx.committed(groupId, topic));
            return retryLater('Temporal unavailable');
          }
        }
        successes.push(text(message));
        return processed();
      },
      { onOutcome: (event) => event.outcome === 'retry' && delays.push(event.delayMs ?? -1) },
    );

    await waitFor(async () => (await fx.committed(groupId, topic)) === '3', 'all offsets committed');
    expect(successes).toEqual(['m0', 'm1', 'm2']);
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(delays).toEqual([100, 200, 400]);
    expect(committedWhileFailing).toEqual(['1', '1']);
  });

  it('with a window of messages per partition: handles them together, commits only up to the first held one', async () => {
    const topic = await fx.createTopic('window');
    const groupId = fx.groupId('window');
    const values = Array.from({ length: 8 }, (_, i) => `m${i}`);
    const handled = new Map<string, number>();
    const committedWhileHeld: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    await send(topic, values);
    await start(
      topic,
      groupId,
      async (message) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await sleep(50);
        inFlight--;
        if (text(message) === 'm2' && message.attempt <= 2) {
          committedWhileHeld.push(await fx.committed(groupId, topic));
          return retryLater('Temporal unavailable');
        }
        handled.set(text(message), (handled.get(text(message)) ?? 0) + 1);
        return processed();
      },
      { window: 4 },
    );

    await waitFor(async () => (await fx.committed(groupId, topic)) === '8', 'all offsets committed');
    expect([...handled.keys()].sort()).toEqual(values);
    expect(mostInFlight).toBeGreaterThan(1);
    // m0 and m1 are committed before m2 is held; nothing after m2 is committed while it is.
    expect(committedWhileHeld.every((offset) => offset === '-1' || offset === '2')).toBe(true);
    expect(handled.get('m0')).toBe(1);
    expect(handled.get('m1')).toBe(1);
  });

  it('after a restart of the group, redelivers what was not committed and nothing that was', async () => {
    const topic = await fx.createTopic('restart');
    const groupId = fx.groupId('restart');
    await send(topic, ['m0', 'm1']);

    // first life: m0 succeeds, m1 keeps failing (a dependency is down) until the consumer is stopped
    const firstLife: string[] = [];
    const first = await start(topic, groupId, async (message) => {
      firstLife.push(`${text(message)}#${message.attempt}`);
      return text(message) === 'm0' ? processed() : retryLater('down');
    });
    await waitFor(() => firstLife.includes('m1#2'), 'm1 to be retried');
    await stop(first);
    expect(await fx.committed(groupId, topic)).toBe('1');

    // second life: m0 (committed) is not seen again, m1 (uncommitted) is
    const secondLife: string[] = [];
    const second = await start(topic, groupId, async (message) => {
      secondLife.push(text(message));
      return processed();
    });
    await waitFor(async () => (await fx.committed(groupId, topic)) === '2', 'm1 committed');
    await stop(second);
    expect(secondLife).toEqual(['m1']);

    // third life: everything was committed, only new messages arrive
    const thirdLife: string[] = [];
    await start(topic, groupId, async (message) => {
      thirdLife.push(text(message));
      return processed();
    });
    await send(topic, ['m2']);
    await waitFor(async () => (await fx.committed(groupId, topic)) === '3', 'm2 committed');
    await sleep(300);
    expect(thirdLife).toEqual(['m2']);
  });

  it('keeps other partitions flowing while one is held', async () => {
    const topic = await fx.createTopic('two-partitions', 2);
    const groupId = fx.groupId('two-partitions');
    let release = false;
    const seen: string[] = [];
    await publishWithAck(producer, topic, [
      { partition: 0, value: 'held' },
      { partition: 1, value: 'free-0' },
      { partition: 1, value: 'free-1' },
    ]);
    const consumer = new ReliableConsumer({
      kafka: fx.kafka,
      groupId,
      topics: [topic],
      handler: async (message) => {
        if (text(message) === 'held' && !release) return retryLater('down');
        seen.push(text(message));
        return processed();
      },
      onRejected: async () => undefined,
      logger: fx.logger,
      backoff: fastBackoff,
      partitionsConsumedConcurrently: 2,
    });
    running.push(consumer);
    await consumer.start();
    await waitFor(async () => (await fx.committed(groupId, topic, 1)) === '2', 'partition 1 committed');
    expect(await fx.committed(groupId, topic, 0)).toBe('-1');
    release = true;
    await waitFor(async () => (await fx.committed(groupId, topic, 0)) === '1', 'partition 0 committed');
    expect(seen.sort()).toEqual(['free-0', 'free-1', 'held']);
  });
});
