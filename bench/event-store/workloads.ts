// Append workloads: each writer owns its streams and appends to them in turn, so nothing conflicts and the
// measure is the store's cost, not retries.
import { randomUUID } from 'node:crypto';
import type { Appender, BenchEvent } from './appenders';

export interface AppendWorkload {
  readonly name: string;
  readonly writers: number;
  readonly appendsPerWriter: number;
  readonly eventsPerAppend: number;
  /** Appends per stream before a writer moves to a fresh one. */
  readonly appendsPerStream: number;
}

const event = (i: number): BenchEvent => ({
  type: i % 4 === 3 ? 'ItemShipped' : 'ItemPriced',
  data: { amount: { value: i % 97, currency: 'EUR' }, sku: `SKU-${i % 1000}`, note: 'codes and ids only' },
  metadata: { actor: 'bench', commandId: randomUUID(), correlationId: randomUUID() },
});

/** Runs the workload once; returns events appended per second. */
export async function runAppends(appender: Appender, workload: AppendWorkload): Promise<number> {
  const batches = Array.from({ length: workload.writers * workload.appendsPerWriter }, (_, i) =>
    Array.from({ length: workload.eventsPerAppend }, (_, j) => event(i * workload.eventsPerAppend + j)),
  );
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: workload.writers }, async (_, writer) => {
      let streamId = '';
      for (let n = 0; n < workload.appendsPerWriter; n++) {
        const position = n % workload.appendsPerStream;
        if (position === 0) streamId = `bench-${randomUUID()}`;
        await appender.append(streamId, position * workload.eventsPerAppend, batches[writer * workload.appendsPerWriter + n]!);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (workload.writers * workload.appendsPerWriter * workload.eventsPerAppend) / seconds;
}
