// Following the whole log from the start: reading it, and rebuilding a projection from it. The same number of
// events, the same projection tables, each store's own way of doing it.
import { Pool } from 'pg';
import { sql } from '@event-driven-io/dumbo';
import type { Event, ReadEvent } from '@event-driven-io/emmett';
import {
  postgreSQLEventStoreConsumer,
  postgreSQLRawSQLProjection,
  type PostgreSQLEventStoreConsumer,
  type PostgresReadEventMetadata,
} from '@event-driven-io/emmett-postgresql';
import { EventStore, ProjectionRunner, START } from '@baoho/event-store';
import { createStreamStatsTables, streamStatsProjection } from '../../tests/integration/event-store/fixtures/stream-stats-projection';

export const BATCH = 1000;

/** Emmett's consumer, as favourable as it allows: our batch size and no pause between full batches. */
const emmettPulling = { batchSize: BATCH, pullingFrequencyInMs: 0 };

// Both sides run until they have seen `expected` events rather than until one empty read: followers read only
// below the oldest running transaction on the whole server, which other work on it may hold back a moment.
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

export async function ourReadAll(url: string, expected: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 2 });
  const store = new EventStore(pool);
  let read = 0;
  for (let checkpoint = START; read < expected; ) {
    const batch = await store.readAll(checkpoint, BATCH);
    if (batch.events.length === 0) await pause();
    read += batch.events.length;
    checkpoint = batch.checkpoint;
  }
  await pool.end();
  return read;
}

export async function ourRebuild(url: string, expected: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 2 });
  await createStreamStatsTables(pool);
  const runner = new ProjectionRunner(pool, streamStatsProjection(), { batchSize: BATCH });
  let replayed = await runner.rebuild();
  while (replayed < expected) {
    const applied = await runner.catchUp();
    if (applied === 0) await pause();
    replayed += applied;
  }
  await pool.end();
  return replayed;
}

type ItemEvent = Event<'ItemPriced' | 'ItemShipped', Record<string, unknown>>;

export async function emmettReadAll(url: string, round: number, expected: number): Promise<number> {
  let read = 0;
  const consumer = postgreSQLEventStoreConsumer<ItemEvent>({ connectionString: url, pulling: emmettPulling });
  consumer.reactor<ItemEvent>({
    processorId: `bench-read-all-${round}`,
    eachMessage: async () => {
      read += 1;
    },
  });
  await runUntil(consumer, () => read >= expected);
  return read;
}

/** The same stream-stats table, kept by an Emmett raw-SQL projection: one upsert per event. */
export async function emmettRebuild(url: string, round: number, expected: number): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 1 });
  await createStreamStatsTables(pool);
  await pool.query('TRUNCATE stream_stats, type_counts');
  await pool.end();
  let replayed = 0;
  const projection = postgreSQLRawSQLProjection<ItemEvent>({
    name: `bench-stream-stats-${round}`,
    canHandle: ['ItemPriced', 'ItemShipped'],
    evolve: (raw) => {
      const event = raw as ReadEvent<ItemEvent, PostgresReadEventMetadata>;
      replayed += 1;
      const value = (event.data['amount'] as { value?: number } | undefined)?.value ?? 0;
      return [
        sql(
          `INSERT INTO stream_stats AS s VALUES (%L, 1, %s, %L, %L, %s)
           ON CONFLICT (stream_id) DO UPDATE SET event_count = s.event_count + 1, amount_total = s.amount_total + EXCLUDED.amount_total,
             last_version = EXCLUDED.last_version, last_type = EXCLUDED.last_type, last_occurred_at = EXCLUDED.last_occurred_at`,
          event.metadata.streamName, Number(event.metadata.streamPosition), event.type, '2026-01-05T09:00:00.000Z', value,
        ),
        sql(`INSERT INTO type_counts AS t VALUES (%L, 1) ON CONFLICT (type) DO UPDATE SET event_count = t.event_count + 1`, event.type),
      ];
    },
  });
  const consumer = postgreSQLEventStoreConsumer<ItemEvent>({ connectionString: url, pulling: emmettPulling });
  // The definition's generics do not line up with projector()'s in 0.42; the runtime shape does.
  consumer.projector<ItemEvent>({ projection: projection as never });
  await runUntil(consumer, () => replayed >= expected);
  return replayed;
}

/** Emmett's consumer stops only on an empty read or a new batch; stop it as soon as the work is done. */
async function runUntil(consumer: PostgreSQLEventStoreConsumer<ItemEvent>, done: () => boolean): Promise<void> {
  const running = consumer.start();
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
  await consumer.close();
  await running;
}
