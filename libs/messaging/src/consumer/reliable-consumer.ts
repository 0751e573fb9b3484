// A Kafka consumer that neither loses nor skips a message. Auto-commit is off; each message's offset is
// committed only once its handler said `processed`, or said `rejected` and the rejection hook made it
// durable (DLQ + store) — so a poison message costs one dead letter, never a blocked partition. On `retry`
// (or a thrown error) nothing is committed: the partition is paused, seeked back to that message and
// resumed after an exponential, capped backoff, as many times as it takes. Other partitions keep flowing.
//
// Delivery is at-least-once: a crash between a handler's success and its commit redelivers that message,
// so handlers are idempotent (the intake dedupes on eventId).
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { MessagingLogger } from '../kafka/messaging-logger';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { ConsumedMessage, HandlerOutcome, MessageHandler, RejectionHook } from './outcome';

export interface ReliableConsumerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: MessageHandler;
  readonly onRejected: RejectionHook;
  readonly logger: MessagingLogger;
  readonly backoff?: Partial<BackoffPolicy>;
  /** Default true: a new group starts at the beginning, so nothing published before it existed is skipped. */
  readonly fromBeginning?: boolean;
  /** How many partitions are handled at once (order is kept within each). Default 1. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * How many messages of one partition are handled at once. Default 1: strictly one after another. Above 1, for
   * handlers whose messages are independent and idempotent (the intake: one case per report): a window of
   * messages runs together, then outcomes are taken in offset order — the offset is committed up to the first
   * message that must be retried, which is held with everything after it (redone later: idempotent).
   */
  readonly messagesPerPartitionConcurrently?: number;
  readonly sessionTimeoutMs?: number;
  /**
   * How long the broker may hold an empty fetch. Default 1 s (kafkajs: 5 s): a resumed partition waits for
   * the fetch in flight, so this bounds how late a retry starts after its backoff.
   */
  readonly maxWaitTimeMs?: number;
  /** Epoch ms, for `dlq-rejected-at`. */
  readonly clock?: () => number;
  readonly random?: () => number;
  /** Told of every outcome once it took effect (after the commit, or after the partition was held). */
  readonly onOutcome?: (event: OutcomeEvent) => void;
}

export interface OutcomeEvent {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly outcome: HandlerOutcome['outcome'];
  readonly attempt: number;
  /** For `retry`: how long the partition is held. */
  readonly delayMs?: number;
}

interface Attempts {
  readonly offset: string;
  readonly count: number;
}

/** How soon a resume refused by a restarting consumer is tried again. */
const RESUME_RETRY_MS = 1_000;

export class ReliableConsumer {
  private consumer: Consumer | undefined;
  private readonly policy: BackoffPolicy;
  private readonly resumeTimers = new Map<string, NodeJS.Timeout>();
  private readonly attempts = new Map<string, Attempts>();
  private stopping = false;

  constructor(private readonly options: ReliableConsumerOptions) {
    this.policy = { ...DEFAULT_BACKOFF, ...options.backoff };
  }

  /** Connects, subscribes and starts consuming; resolves once running (not when stopped). */
  async start(): Promise<void> {
    if (this.consumer) throw new Error('ReliableConsumer already started');
    const { kafka, groupId, topics, logger } = this.options;
    this.stopping = false;
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 1_000,
      retry: {
        // kafkajs stops for good after a non-retriable error unless told otherwise; a consumer that quietly
        // stops is a lost hotline, so it always restarts (from the last committed offset) and says so
        restartOnFailure: async (error) => {
          logger.error({ groupId, error: describe(error) }, 'kafka consumer failed; restarting');
          return true;
        },
      },
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.consumeBatch(consumer, payload),
    });
  }

  /** Stops consuming and disconnects; uncommitted messages are redelivered to whoever consumes next. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.resumeTimers.values()) clearTimeout(timer);
    this.resumeTimers.clear();
    this.attempts.clear();
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.disconnect();
  }

  private async consumeBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const { topic, partition } = batch;
    const window = Math.max(1, this.options.messagesPerPartitionConcurrently ?? 1);
    for (let start = 0; start < batch.messages.length; start += window) {
      if (!isRunning() || isStale() || this.stopping) return;
      const messages = batch.messages
        .slice(start, start + window)
        .map((raw) => toConsumed(topic, partition, raw, this.nextAttempt(topic, partition, raw.offset)));
      const outcomes = await Promise.all(messages.map((message) => this.settle(message)));

      let committed: ConsumedMessage | undefined;
      for (const [i, message] of messages.entries()) {
        const outcome = outcomes[i]!;
        if (outcome.outcome === 'retry') {
          if (committed) await this.commit(consumer, committed, resolveOffset);
          this.hold(consumer, message, outcome.cause);
          return;
        }
        committed = message;
        if (outcome.outcome === 'rejected') {
          this.options.logger.warn(
            { topic, partition, offset: message.offset, reasonCode: outcome.reason.code },
            'message rejected and dead-lettered',
          );
        }
      }
      if (committed) await this.commit(consumer, committed, resolveOffset);
      for (const [i, message] of messages.entries()) {
        this.options.onOutcome?.({ topic, partition, offset: message.offset, outcome: outcomes[i]!.outcome, attempt: message.attempt });
      }
      await heartbeat();
    }
  }

  /** The handler's outcome, with a rejection made durable (DLQ, store) before it counts as settled. */
  private async settle(message: ConsumedMessage): Promise<HandlerOutcome> {
    const outcome = await this.handle(message);
    if (outcome.outcome !== 'rejected') return outcome;
    try {
      await this.options.onRejected({ message, reason: outcome.reason, rejectedAt: this.now() });
      return outcome;
    } catch (error) {
      // not durable yet: committing now would lose the message, so it is held like a transient failure
      return { outcome: 'retry', cause: `rejection hook failed: ${describe(error)}` };
    }
  }

  /** Commits everything up to and including `message`. */
  private async commit(consumer: Consumer, message: ConsumedMessage, resolveOffset: (offset: string) => void): Promise<void> {
    await consumer.commitOffsets([{ topic: message.topic, partition: message.partition, offset: nextOffset(message.offset) }]);
    resolveOffset(message.offset);
    this.attempts.delete(partitionKey(message.topic, message.partition));
  }

  /** The handler's outcome; a throw is a transient failure, because we cannot know it is not one. */
  private async handle(message: ConsumedMessage): Promise<HandlerOutcome> {
    try {
      return await this.options.handler(message);
    } catch (error) {
      return { outcome: 'retry', cause: `handler threw: ${describe(error)}` };
    }
  }

  /** Pause the partition, rewind it to `message`, resume after the backoff. */
  private hold(consumer: Consumer, message: ConsumedMessage, cause: string): void {
    const { topic, partition, offset, attempt } = message;
    const key = partitionKey(topic, partition);
    // The held message's count, even if later messages of its window were counted after it.
    this.attempts.set(key, { offset, count: attempt });
    const delayMs = backoffDelay(this.policy, attempt, this.options.random);
    consumer.pause([{ topic, partitions: [partition] }]);
    // the fetch position is already past this batch: without the seek, resuming would skip the message
    consumer.seek({ topic, partition, offset });
    this.resumeLater(consumer, topic, partition, delayMs);
    this.options.logger.warn({ topic, partition, offset, attempt, delayMs, cause }, 'message held for retry');
    this.options.onOutcome?.({ topic, partition, offset, outcome: 'retry', attempt, delayMs });
  }

  /**
   * Resumes a held partition after `delayMs`. While the broker is away kafkajs crashes the consumer and restarts
   * it; until it has rejoined, `resume` throws ("consumer group was not initialized"), and that throw, from a
   * timer, once killed the intake. A refused resume is tried again shortly: a partition left paused would stall
   * for good, and nothing was committed past the held message, so nothing is lost meanwhile.
   */
  private resumeLater(consumer: Consumer, topic: string, partition: number, delayMs: number): void {
    const key = partitionKey(topic, partition);
    const previous = this.resumeTimers.get(key);
    if (previous) clearTimeout(previous);
    this.resumeTimers.set(
      key,
      setTimeout(() => {
        this.resumeTimers.delete(key);
        if (this.stopping) return;
        try {
          consumer.resume([{ topic, partitions: [partition] }]);
        } catch (error) {
          this.options.logger.warn({ topic, partition, cause: describe(error) }, 'resume refused while the consumer restarts; trying again');
          this.resumeLater(consumer, topic, partition, RESUME_RETRY_MS);
        }
      }, delayMs),
    );
  }

  private nextAttempt(topic: string, partition: number, offset: string): number {
    const key = partitionKey(topic, partition);
    const previous = this.attempts.get(key);
    const count = previous && previous.offset === offset ? previous.count + 1 : 1;
    this.attempts.set(key, { offset, count });
    return count;
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }
}

const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Kafka commits the offset of the next message to read. */
const nextOffset = (offset: string): string => (BigInt(offset) + 1n).toString();

function toConsumed(topic: string, partition: number, raw: KafkaMessage, attempt: number): ConsumedMessage {
  return {
    topic,
    partition,
    offset: raw.offset,
    key: raw.key,
    value: raw.value,
    headers: raw.headers ?? {},
    timestamp: raw.timestamp,
    attempt,
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : 'unknown error';
}
