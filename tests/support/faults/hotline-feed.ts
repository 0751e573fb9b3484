// A steady feed of hotline events to Kafka that never drops one: each event waits in a queue until the broker
// acknowledged it, and a send that failed (broker stopped, leader moving) is sent again with the same eventId —
// which names the same case, so a repeat is harmless. `acknowledged` is what the system has promised to handle.
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { hotlineCaseId } from '../../../apps/intake/src/hotline/hotline-case';
import { hotlineEvent } from '../hotline-events';
import { sleep } from '../apps';

type Json = ReturnType<typeof hotlineEvent>;

export interface PublishedEvent {
  readonly eventId: string;
  readonly caseId: string;
  /** performance.now() when the broker acknowledged it. */
  readonly ackedAt: number;
}

export class HotlineFeed {
  readonly acknowledged: PublishedEvent[] = [];
  sendFailures = 0;
  private readonly queue: Json[] = [];
  private readonly producer: Producer;
  private running = false;
  private loop: Promise<void> | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(brokers: string) {
    const kafka = new Kafka({ clientId: 'baoho-hotline-feed', brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 } });
    this.producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.running = true;
    this.loop = this.sendLoop();
  }

  /** Queues one event (the PROTOCOL.md example, changed by `change`); returns the case it must open. */
  enqueue(change?: (event: Json) => void): { eventId: string; caseId: string } {
    const event = hotlineEvent(change);
    this.queue.push(event);
    return { eventId: event['eventId'] as string, caseId: hotlineCaseId(event['source'] as string, event['eventId'] as string) };
  }

  /** Queues `perSecond` events a second until `stop()`. */
  steady(perSecond: number): void {
    this.ticker = setInterval(() => this.enqueue(), 1000 / perSecond);
  }

  pending(): number {
    return this.queue.length;
  }

  /** Waits until every queued event is acknowledged. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length > 0) {
      if (Date.now() > deadline) throw new Error(`${this.queue.length} hotline events never reached the broker`);
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    this.running = false;
    await this.loop;
    await this.producer.disconnect().catch(() => undefined);
  }

  private async sendLoop(): Promise<void> {
    while (this.running || this.queue.length > 0) {
      if (this.queue.length === 0) {
        if (!this.running) break;
        await sleep(20);
        continue;
      }
      const batch = this.queue.slice(0, 500);
      try {
        await this.producer.send({
          topic: 'hotline.calls.v1',
          acks: -1,
          messages: batch.map((event) => ({ key: event['eventId'] as string, value: JSON.stringify(event) })),
        });
        const ackedAt = performance.now();
        this.queue.splice(0, batch.length);
        for (const event of batch) {
          this.acknowledged.push({ eventId: event['eventId'] as string, caseId: hotlineCaseId(event['source'] as string, event['eventId'] as string), ackedAt });
        }
      } catch {
        this.sendFailures++;
        if (!this.running) return;
        await sleep(500);
      }
    }
  }
}
