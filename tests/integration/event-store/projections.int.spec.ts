import { Pool } from 'pg';
import { EventStore, ProjectionRunner, type NewEvent, type RawEvent } from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { itemPriced, uniqueStreamId } from './fixtures/events';
import { catchUpTo } from './fixtures/follow';
import { createStreamStatsTables, snapshotStreamStats, streamStatsProjection } from './fixtures/stream-stats-projection';

const upcastItemPriced = (raw: RawEvent): RawEvent =>
  raw.type === 'ItemPriced' && raw.schemaVersion === 1
    ? { ...raw, schemaVersion: 2, data: { amount: { value: (raw.data as { price: number }).price, currency: 'EUR' } } }
    : raw;

/** A varied log: several streams, several appends each, some v1 events, two event types. */
async function writeLog(store: EventStore, streams = 12, appends = 6): Promise<number> {
  let total = 0;
  for (let s = 0; s < streams; s++) {
    const streamId = uniqueStreamId();
    for (let a = 0; a < appends; a++) {
      const batch: NewEvent[] = [
        a % 3 === 0 ? itemPriced(0, { schemaVersion: 1, data: { price: s + a } }) : itemPriced(s * a),
        itemPriced(1, { type: a % 2 ? 'ItemShipped' : 'ItemPriced' }),
      ];
      await store.append(streamId, a * 2, batch);
      total += batch.length;
    }
  }
  return total;
}

describe('projections', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    await createStreamStatsTables(pool);
  });
  afterEach(async () => {
    await pool.end();
    await db.drop();
  });

  describe('inline', () => {
    it('is up to date the moment an append returns, and a rebuild from the log yields identical tables', async () => {
      const projection = streamStatsProjection();
      const store = new EventStore(pool, { upcast: upcastItemPriced, inlineProjections: [projection] });
      const total = await writeLog(store);
      const live = await snapshotStreamStats(pool);
      expect(live.streams).toHaveLength(12);
      expect(live.types).toEqual([
        { type: 'ItemPriced', event_count: total / 2 + total / 4 },
        { type: 'ItemShipped', event_count: total / 4 },
      ]);

      expect(await store.rebuild(projection)).toBe(total);

      expect(await snapshotStreamStats(pool)).toEqual(live);
    });
  });

  describe('async', () => {
    it('catches up from its checkpoint, saved with each batch', async () => {
      const store = new EventStore(pool);
      const runner = new ProjectionRunner(pool, streamStatsProjection(), { batchSize: 5, upcast: upcastItemPriced });
      const first = await writeLog(store, 3);

      expect(await catchUpTo(runner, first)).toBe(first);
      const second = await writeLog(store, 2);
      expect(await catchUpTo(runner, second)).toBe(second);
      expect(await runner.catchUp()).toBe(0);

      const counts = await pool.query('SELECT sum(event_count)::int AS n FROM type_counts');
      expect(counts.rows[0].n).toBe(first + second);
      const checkpoint = await pool.query(
        `SELECT last_transaction_id::text AS tx, last_global_position::text AS pos FROM subscription_checkpoints
          WHERE subscription_id = 'stream-stats'`,
      );
      const last = await pool.query('SELECT transaction_id::text AS tx, global_position::text AS pos FROM events ORDER BY 1 DESC, 2 DESC LIMIT 1');
      expect(checkpoint.rows).toEqual(last.rows);
    });

    it('never applies a batch twice when two runners of one projection run at once', async () => {
      const store = new EventStore(pool);
      const total = await writeLog(store);
      const runners = Array.from({ length: 4 }, () => new ProjectionRunner(pool, streamStatsProjection(), { batchSize: 7 }));

      const applied = await Promise.all(runners.map((runner) => runner.catchUp()));
      const rest = await catchUpTo(runners[0]!, total - applied.reduce((sum, n) => sum + n, 0));

      expect(applied.reduce((sum, n) => sum + n, rest)).toBe(total);
      const counts = await pool.query('SELECT sum(event_count)::int AS n FROM type_counts');
      expect(counts.rows[0].n).toBe(total);
    });

    it('rebuilds identical tables by truncating and replaying the log', async () => {
      const store = new EventStore(pool);
      const runner = new ProjectionRunner(pool, streamStatsProjection(), { batchSize: 10, upcast: upcastItemPriced });
      const total = await writeLog(store);
      await catchUpTo(runner, total);
      const live = await snapshotStreamStats(pool);
      await pool.query(`UPDATE stream_stats SET event_count = 0`); // a read model gone wrong

      const replayed = await runner.rebuild();
      await catchUpTo(runner, total - replayed); // normally 0: only if another transaction held the reader back

      expect(await snapshotStreamStats(pool)).toEqual(live);
      expect(await runner.catchUp()).toBe(0);
      await writeLog(store, 1, 1);
      expect(await catchUpTo(runner, 2)).toBe(2);
    });

    it('follows the log in the background until stopped', async () => {
      const store = new EventStore(pool);
      const runner = new ProjectionRunner(pool, streamStatsProjection(), { idleMs: 10 });
      runner.start();
      const total = await writeLog(store, 2, 2);

      await waitFor(async () => (await pool.query('SELECT coalesce(sum(event_count), 0)::int AS n FROM type_counts')).rows[0].n === total);
      await runner.stop();
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
