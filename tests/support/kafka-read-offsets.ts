// How far a consumer has read each partition, transaction markers included. The relay publishes in Kafka
// transactions, so a topic's high watermark sits just past a commit marker, a control record no consumer is
// handed as a message: a reader that waits for a message at `high - 1` waits for ever. kafkajs reports every
// batch it got through, marker-only batches too, with the batch's last offset (markers counted).
import type { Consumer } from 'kafkajs';

/** Per partition, the offset after the last one read (messages and control records alike). */
export function trackReadOffsets(consumer: Consumer, onBatch: () => void = () => undefined): Map<number, bigint> {
  const readTo = new Map<number, bigint>();
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const next = BigInt(payload.lastOffset) + 1n;
    if (next > (readTo.get(payload.partition) ?? 0n)) readTo.set(payload.partition, next);
    onBatch();
  });
  return readTo;
}
