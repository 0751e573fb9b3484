// Deletes from a topic what a consumer group has consumed: every record below the group's committed offset, per
// partition (`admin.deleteTopicRecords` moves the partition's low watermark up to it). For a topic whose records
// are personal data in transit (hotline.calls.v1), so the broker keeps them no longer than the consumer needs to
// seal them into a case — not for the topic's whole retention.
//
// Only what is committed goes: the committed offset is the next record to read, and ReliableConsumer commits a
// record only once it was handled or durably rejected, so nothing unprocessed is lost. It assumes the group is the
// topic's only consumer (another group would lose what it has not read yet).
import type { Admin, Kafka } from 'kafkajs';
import type { MessagingLogger } from '../kafka/messaging-logger';

export interface ConsumedRecordsPurgerOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  readonly topic: string;
  /** How often to purge while running (and once more on `stop`). */
  readonly intervalMs: number;
  readonly logger: MessagingLogger;
}

export interface PurgedPartition {
  readonly partition: number;
  /** The partition's low watermark before: records from here … */
  readonly from: string;
  /** … up to this one (excluded, the group's committed offset) were deleted. */
  readonly to: string;
}

export class ConsumedRecordsPurger {
  private admin: Admin | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<unknown> | undefined;

  constructor(private readonly options: ConsumedRecordsPurgerOptions) {}

  /** Purges every `intervalMs` until `stop`. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and purges once more (after the consumer stopped: its last commits are in), then disconnects. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
    await this.tick();
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  /** One purge: deletes, per partition, the records below the group's committed offset. */
  async purgeOnce(): Promise<PurgedPartition[]> {
    const { groupId, topic } = this.options;
    const admin = await this.connected();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const watermarks = new Map((await admin.fetchTopicOffsets(topic)).map((entry) => [entry.partition, entry]));
    const purged: PurgedPartition[] = [];
    for (const { partition, offset } of committed?.partitions ?? []) {
      const marks = watermarks.get(partition);
      // '-1': nothing committed yet; at or below the low watermark: nothing left to delete.
      if (!marks || BigInt(offset) <= BigInt(marks.low)) continue;
      // never past what the broker holds (a committed offset is at most the high watermark, but say so)
      const to = BigInt(offset) > BigInt(marks.high) ? marks.high : offset;
      purged.push({ partition, from: marks.low, to });
    }
    if (purged.length > 0) {
      await admin.deleteTopicRecords({ topic, partitions: purged.map(({ partition, to }) => ({ partition, offset: to })) });
      const records = purged.reduce((sum, entry) => sum + (BigInt(entry.to) - BigInt(entry.from)), 0n);
      this.options.logger.info({ topic, groupId, partitions: purged.length, records: records.toString() }, 'consumed records deleted');
    }
    return purged;
  }

  /** A purge that fails (broker away) is logged and tried again at the next tick: nothing is lost by waiting. */
  private async tick(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = this.purgeOnce()
      .catch(async (error: unknown) => {
        this.options.logger.warn({ topic: this.options.topic, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, 'consumed records not deleted; trying again later');
        const admin = this.admin;
        this.admin = undefined;
        await admin?.disconnect().catch(() => undefined);
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    await this.inFlight;
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    const admin = this.options.kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }
}
