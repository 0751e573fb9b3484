// The relay loop: follows the event log in commit order from its checkpoint and publishes every event to
// protection.case-events.v1 (key = case id, so each case stays in order) and every notice also to
// protection.notifications.v1. At least once: a batch is read, published in one Kafka transaction with acks
// from every in-sync replica, and only once that transaction is committed is the checkpoint saved; a failure
// anywhere before the save publishes the same batch again (same message-id headers), never skips it. A batch
// the broker took only in part (some partitions written, others refused while it shut down) is aborted, so
// read_committed consumers never see that part beside the batch sent again. Per-case order comes from the read
// itself: the log in commit order, a case's events in version order. Only the leader
// publishes (relay-leadership); its transactional id is the subscription's, so a new leader's producer fences
// the old.
import { createHash } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { CURRENT_SCHEMA_VERSIONS, upcast as upcastCaseEvent } from '@baoho/domain';
import { EventStore, type Checkpoint, type RawEvent, type StoredEvent } from '@baoho/event-store';
import {
  CASE_EVENTS_V1_TOPIC,
  NOTIFICATIONS_V1_TOPIC,
  backoffDelay,
  createTransactionalProducer,
  ensureTopics,
  publishWithAck,
  type BackoffPolicy,
  type MessagingLogger,
  type OutgoingMessage,
  type TopicSpec,
} from '@baoho/messaging';
import { loadCaseContexts } from './case-context';
import { countLag, readCheckpoint, saveCheckpoint } from './relay-checkpoint';
import { RelayLeadership } from './relay-leadership';
import type { RelayMetrics } from './relay-metrics';
import { isNotice, toCaseEvent, toNotification } from './to-messages';

export const DEFAULT_SUBSCRIPTION_ID = 'relay.kafka.v1';
const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, multiplier: 2, jitter: 0.2 };

export interface RelayTopics {
  readonly caseEvents: string;
  readonly notifications: string;
}

/** One batch as published, before its checkpoint is saved (for the `onPublished` hook). */
export interface PublishedBatch {
  readonly events: readonly StoredEvent[];
  readonly checkpoint: Checkpoint;
  readonly caseEvents: readonly OutgoingMessage[];
  readonly notifications: readonly OutgoingMessage[];
}

export interface LogRelayOptions {
  /** Reads of the log and of case_summary. */
  readonly pool: Pool;
  /** For the leadership session (its own connection, outside the pool). */
  readonly databaseUrl: string;
  readonly kafka: Kafka;
  readonly logger: MessagingLogger;
  readonly metrics: RelayMetrics;
  /** The checkpoint's key and the leadership lock's name. */
  readonly subscriptionId?: string;
  readonly topics?: RelayTopics;
  /** Topics to create (when missing) each time this relay becomes the leader. */
  readonly ensureTopics?: readonly TopicSpec[];
  /** Events per batch. */
  readonly batchSize?: number;
  /** Sleep when caught up. */
  readonly idleMs?: number;
  /** How often a standby tries to take over. */
  readonly standbyRetryMs?: number;
  /** Between failed batches (Kafka or PostgreSQL away). */
  readonly backoff?: BackoffPolicy;
  /** How long `stop()` lets a batch in flight finish before cutting the producer off. */
  readonly stopGraceMs?: number;
  /**
   * The Kafka transactional id of this relay's producer: the same for every relay of one deployment and
   * subscription (so a new leader fences the old), different between deployments on one broker. Default: the
   * subscription and a digest of the database URL (the relays of a deployment share the database).
   */
  readonly transactionalId?: string;
  /** Called after the broker acknowledged a batch and before its checkpoint is saved. */
  readonly onPublished?: (batch: PublishedBatch) => void | Promise<void>;
}

/** How often the lag is measured besides after each batch. */
const LAG_REFRESH_MS = 1_000;

export class LogRelay {
  private readonly store: EventStore;
  private readonly leadership: RelayLeadership;
  private readonly subscriptionId: string;
  private readonly transactionalId: string;
  private readonly topics: RelayTopics;
  private producer: Producer | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private lagTimer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: LogRelayOptions) {
    this.subscriptionId = options.subscriptionId ?? DEFAULT_SUBSCRIPTION_ID;
    this.transactionalId =
      options.transactionalId ?? `baoho-relay.${this.subscriptionId}.${createHash('sha256').update(options.databaseUrl).digest('hex').slice(0, 16)}`;
    this.topics = options.topics ?? { caseEvents: CASE_EVENTS_V1_TOPIC, notifications: NOTIFICATIONS_V1_TOPIC };
    this.store = new EventStore(options.pool, { upcast: upcastKnown });
    this.leadership = new RelayLeadership({ databaseUrl: options.databaseUrl, subscriptionId: this.subscriptionId });
  }

  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  /** Resolves when the loop has ended (after `stop()` or `abort()`). */
  get stopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
    // The lag is also measured on its own clock: a batch stuck on a broker that is away (the client retries for
    // a long while before it gives up) must still show the lag growing.
    this.lagTimer = setInterval(() => void this.refreshLag(), LAG_REFRESH_MS);
    this.lagTimer.unref();
  }

  /** Finishes the batch in flight (within `stopGraceMs`), releases the leadership and disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.lagTimer);
    this.wakeUp?.();
    const running = this.running;
    if (!running) return;
    const graceMs = this.options.stopGraceMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      running.then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    // a send retrying against a broker that is away: cut it off (the batch is not checkpointed, so not lost)
    if (!finished) await this.discardProducer();
    await running;
    this.running = undefined;
  }

  /**
   * Dies as a crashed process would: the leadership session is dropped without unlocking and the producer is
   * cut off; a batch published but not yet checkpointed stays unrecorded (its events are published again by
   * whoever leads next). Does not wait for the loop: see `stopped`.
   */
  abort(): void {
    this.stopping = true;
    clearInterval(this.lagTimer);
    this.leadership.abandon();
    void this.discardProducer();
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    const { logger, metrics } = this.options;
    let failures = 0;
    try {
      while (!this.stopping) {
        if (!this.leadership.isLeader) {
          metrics.leader.set(0);
          if (!(await this.tryToLead())) {
            await this.refreshLag();
            await this.sleep(this.options.standbyRetryMs ?? 2_000);
            continue;
          }
          metrics.leader.set(1);
          logger.info({ subscriptionId: this.subscriptionId }, 'relay leads: publishing the log');
          if (this.options.ensureTopics && this.options.ensureTopics.length > 0) await this.ensureTopicsExist();
        }
        try {
          const relayed = await this.relayBatch(failures > 0);
          if (failures > 0) logger.warn({ afterFailures: failures }, 'relay publishing again');
          failures = 0;
          if (relayed === 0) await this.sleep(this.options.idleMs ?? 250);
        } catch (error) {
          if (this.stopping) break;
          failures++;
          metrics.failures.inc();
          // the lag keeps growing while the batch cannot go out: say so, rather than the last success's figure
          await this.refreshLag();
          await this.discardProducer();
          const delayMs = backoffDelay(this.options.backoff ?? DEFAULT_BACKOFF, failures);
          if (!this.leadership.isLeader) {
            metrics.leader.set(0);
            logger.warn({ error: describe(error) }, 'relay lost its leadership session; standing by');
          } else {
            logger.warn({ error: describe(error), attempt: failures, retryInMs: delayMs }, 'relay batch failed; retrying from the checkpoint');
          }
          await this.sleep(delayMs);
        }
      }
    } finally {
      metrics.leader.set(0);
      await this.discardProducer();
      await this.leadership.release();
      logger.info({ subscriptionId: this.subscriptionId }, 'relay stopped');
    }
  }

  /** One batch: read after the checkpoint, publish it in one committed transaction, then save the checkpoint. Returns its size. */
  private async relayBatch(recovering = false): Promise<number> {
    const checkpoint = await readCheckpoint(this.leadership.session(), this.subscriptionId);
    const batch = await this.store.readAll(checkpoint, this.options.batchSize ?? 500);
    if (recovering) {
      // where a batch after a failure starts and ends: positions only, what an operator needs to follow the relay
      this.options.logger.warn(
        { from: checkpoint, to: batch.checkpoint, events: batch.events.length, first: batch.events[0]?.eventId, last: batch.events.at(-1)?.eventId },
        'relay batch after a failure',
      );
    }
    if (batch.events.length === 0) {
      this.options.metrics.lag.set(await countLag(this.options.pool, checkpoint));
      return 0;
    }
    const events = batch.events;
    const { caseEvents, notifications } = await this.toMessages(events);
    const producer = await this.connectedProducer();
    const transaction = await producer.transaction();
    try {
      await publishWithAck(transaction, this.topics.caseEvents, caseEvents);
      await publishWithAck(transaction, this.topics.notifications, notifications);
      await transaction.commit();
    } catch (error) {
      // the producer is discarded next (see loop); aborting here just frees the partitions sooner
      await transaction.abort().catch(() => undefined);
      throw error;
    }
    this.options.metrics.published.inc({ topic: this.topics.caseEvents }, caseEvents.length);
    if (notifications.length > 0) this.options.metrics.published.inc({ topic: this.topics.notifications }, notifications.length);
    await this.options.onPublished?.({ events, checkpoint: batch.checkpoint, caseEvents, notifications });
    // through the leader's session: a relay that lost it cannot move the checkpoint
    await saveCheckpoint(this.leadership.session(), this.subscriptionId, batch.checkpoint);
    this.options.metrics.lag.set(await countLag(this.options.pool, batch.checkpoint));
    return batch.events.length;
  }

  private async toMessages(events: readonly StoredEvent[]): Promise<{ caseEvents: OutgoingMessage[]; notifications: OutgoingMessage[] }> {
    const notices = events.filter(isNotice);
    const contexts = await loadCaseContexts(this.options.pool, notices.map((event) => event.streamId));
    const caseEvents = events.map(toCaseEvent);
    const notifications: OutgoingMessage[] = [];
    for (const event of notices) {
      try {
        const message = toNotification(event, contexts.get(event.streamId));
        if (message) notifications.push(message);
      } catch (error) {
        // the case event still goes out (with the same facts); holding the whole log back for one notice would
        // stop every other case's escalations too
        this.options.metrics.unmappedNotices.inc({ type: event.type });
        this.options.logger.error(
          { caseId: event.streamId, eventId: event.eventId, type: event.type, error: describe(error) },
          'no notification could be built for a notice; published as a case event only',
        );
      }
    }
    return { caseEvents, notifications };
  }

  private async tryToLead(): Promise<boolean> {
    try {
      return await this.leadership.tryAcquire();
    } catch (error) {
      this.options.logger.warn({ error: describe(error) }, 'relay could not reach PostgreSQL for its leadership lock');
      return false;
    }
  }

  /** The lag from the saved checkpoint (standby, or a leader whose batch failed). */
  private async refreshLag(): Promise<void> {
    try {
      const checkpoint = await readCheckpoint(this.options.pool, this.subscriptionId);
      this.options.metrics.lag.set(await countLag(this.options.pool, checkpoint));
    } catch {
      // the leader's metric is the one that matters; PostgreSQL trouble is reported by readiness
    }
  }

  private async ensureTopicsExist(): Promise<void> {
    const admin = this.options.kafka.admin();
    try {
      await admin.connect();
      await ensureTopics(admin, this.options.ensureTopics ?? []);
    } catch (error) {
      // publishing will fail (and back off) until the topics exist; not a reason to give up leading
      this.options.logger.warn({ error: describe(error) }, 'relay could not ensure its topics');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = createTransactionalProducer(this.options.kafka, this.transactionalId);
    this.producer = producer;
    await producer.connect();
    return producer;
  }

  /** After a failed send the producer's sequence state is suspect: start the next try with a fresh one. */
  private async discardProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = (): void => done();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = wake;
    });
  }
}

/** Known case events are published at today's schema; an unknown type as it was written. */
function upcastKnown(raw: RawEvent): RawEvent {
  if (!Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, raw.type)) return raw;
  const data = raw.data !== null && typeof raw.data === 'object' ? (raw.data as Record<string, unknown>) : {};
  const current = upcastCaseEvent({ type: raw.type, schemaVersion: raw.schemaVersion, data, personal: null });
  // personal data is never published: it is not carried through the upcast at all
  return { type: current.type, schemaVersion: current.schemaVersion, data: current.data, personal: null };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
