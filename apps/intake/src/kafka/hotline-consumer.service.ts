// hotline.calls.v1 → cases. The offset is committed only after Temporal accepted the opening (or the message
// was dead-lettered and stored); while Temporal is away the partition is held and retried with backoff, so
// nothing is lost and nothing is skipped. What the group has committed is then deleted from the topic (every
// HOTLINE_PURGE_INTERVAL_MS and on shutdown): the reports are plaintext, and once sealed into their cases (or into
// the rejection store) the broker has no reason to keep them for the topic's retention.
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { Counter } from 'prom-client';
import {
  CONTRACT_VERSION_HEADER,
  createDeadLetterHook,
  ConsumedRecordsPurger,
  createIdempotentProducer,
  ensureTopics,
  ALL_TOPICS,
  HOTLINE_CALLS_DLQ_V1_TOPIC,
  HOTLINE_CALLS_V1_TOPIC,
  processed,
  rejected,
  ReliableConsumer,
  retryLater,
  TOPICS,
  type ConsumedMessage,
  type HandlerOutcome,
} from '@baoho/messaging';
import { describeError, KAFKA_CLIENT, ROOT_LOGGER, type Logger } from '@baoho/observability';
import { HOTLINE_PURGE_INTERVAL_MS } from '../intake-settings';
import { HotlineIntake } from '../hotline/hotline-intake';
import { RejectionStore } from '../rejections/rejection-store';
import { INTAKE_OUTCOMES } from '../intake-metrics';

export const HOTLINE_CONSUMER_GROUP = 'baoho-intake';

@Injectable()
export class HotlineConsumerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private consumer: ReliableConsumer | undefined;
  private purger: ConsumedRecordsPurger | undefined;
  private producer: Producer | undefined;
  private starting: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(ROOT_LOGGER) rootLogger: Logger,
    private readonly intake: HotlineIntake,
    private readonly rejections: RejectionStore,
    @Inject(INTAKE_OUTCOMES) private readonly outcomes: Counter<'via' | 'outcome'>,
    @Inject(HOTLINE_PURGE_INTERVAL_MS) private readonly purgeIntervalMs: number,
  ) {
    this.logger = rootLogger.child({ component: 'hotline-consumer' });
  }

  onApplicationBootstrap(): void {
    // Not awaited: the app serves health (and HTTP intake) while Kafka is still away.
    this.starting = this.startUntilRunning();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting;
    await this.consumer?.stop();
    // after the consumer: its last commits are in, so this purge leaves only what nobody handled yet
    await this.purger?.stop();
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async startUntilRunning(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        // Every app may create the registry's topics; the broker does not auto-create them (a typo is an error).
        const admin = this.kafka.admin();
        await admin.connect();
        await ensureTopics(admin, ALL_TOPICS).finally(() => admin.disconnect());
        this.producer ??= createIdempotentProducer(this.kafka);
        await this.producer.connect();
        const consumer = new ReliableConsumer({
          kafka: this.kafka,
          groupId: HOTLINE_CONSUMER_GROUP,
          topics: [HOTLINE_CALLS_V1_TOPIC],
          handler: (message) => this.handle(message),
          onRejected: createDeadLetterHook({
            producer: this.producer,
            topic: HOTLINE_CALLS_DLQ_V1_TOPIC,
            store: async ({ message, reason }) =>
              this.rejections.record(
                {
                  via: 'kafka',
                  topic: message.topic,
                  partition: message.partition,
                  offset: message.offset,
                  key: message.key,
                  headers: message.headers,
                  payload: message.value,
                },
                reason,
              ),
          }),
          logger: this.logger,
          // Every partition of a fetch at once: kafkajs fetches again only when all of the last fetch's batches
          // are handled, so with fewer workers than partitions a report waited for a second round of openings
          // behind the first (measured by bench/intake: the time from acknowledgement to the workflow's start).
          partitionsConsumedConcurrently: TOPICS.hotlineCalls.partitions,
          // Reports are independent and opening is idempotent: a window of them can be opened at once.
          messagesPerPartitionConcurrently: 16,
        });
        await consumer.start();
        this.consumer = consumer;
        this.purger = new ConsumedRecordsPurger({
          kafka: this.kafka,
          groupId: HOTLINE_CONSUMER_GROUP,
          topic: HOTLINE_CALLS_V1_TOPIC,
          intervalMs: this.purgeIntervalMs,
          logger: this.logger,
        });
        this.purger.start();
        this.logger.info({ topic: HOTLINE_CALLS_V1_TOPIC }, 'consuming hotline events');
        return;
      } catch (error) {
        const delayMs = Math.min(10_000, 500 * 2 ** attempt);
        this.logger.warn({ error: describeError(error), retryInMs: delayMs }, 'hotline consumer could not start; retrying');
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  private async handle(message: ConsumedMessage): Promise<HandlerOutcome> {
    const header = message.headers[CONTRACT_VERSION_HEADER];
    const contractVersion = header === undefined ? undefined : String(Array.isArray(header) ? header[0] : header);
    const result = await this.intake.receive(message.value, contractVersion);
    this.outcomes.inc({ via: 'kafka', outcome: result.kind });
    switch (result.kind) {
      case 'opened':
      case 'duplicate':
        this.logger.info({ caseId: result.caseId, outcome: result.kind, partition: message.partition, offset: message.offset }, 'hotline event handled');
        return processed();
      case 'refused':
        this.logger.warn({ code: result.reason.code, partition: message.partition, offset: message.offset }, 'hotline event refused');
        return rejected(result.reason);
      case 'unavailable':
        return retryLater(result.cause);
    }
  }
}
