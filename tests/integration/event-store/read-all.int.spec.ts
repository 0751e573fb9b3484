import { Pool } from 'pg';
import { EventStore, START, type Checkpoint, type StoredEvent } from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { itemPriced, uniqueStreamId } from './fixtures/events';
import { readUntil } from './fixtures/follow';
import { gate } from './fixtures/gate';

describe('following the whole log', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: EventStore;

  beforeEach(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 30 });
    store = new EventStore(pool);
  });
  afterEach(async () => {
    await pool.end();
    await db.drop();
  });

  const readEverything = async (from: Checkpoint): Promise<{ events: StoredEvent[]; checkpoint: Checkpoint }> => {
    const events: StoredEvent[] = [];
    let checkpoint = from;
    for (;;) {
      const batch = await store.readAll(checkpoint, 7);
      if (batch.events.length === 0) return { events, checkpoint };
      events.push(...batch.events);
      checkpoint = batch.checkpoint;
    }
  };

  it('reads in commit order, across streams, from a checkpoint', async () => {
    const a = uniqueStreamId();
    const b = uniqueStreamId();
    await store.append(a, 0, [itemPriced(1), itemPriced(2)]);
    await store.append(b, 0, [itemPriced(3)]);
    const first = await readUntil(store, START, 2, 2);
    await store.append(a, 2, [itemPriced(4)]);

    const rest = await readUntil(store, first.checkpoint, 2);

    expect(first.events.map((event) => [event.streamId, event.streamVersion])).toEqual([[a, 1], [a, 2]]);
    expect(rest.events.map((event) => [event.streamId, event.streamVersion])).toEqual([[b, 1], [a, 3]]);
    expect(await store.readAll(rest.checkpoint)).toEqual({ events: [], checkpoint: rest.checkpoint });
  });

  it('does not pass a long transaction that commits after shorter ones, and reads it once it commits', async () => {
    const longStream = uniqueStreamId('long');
    const held = gate();
    const slowStore = new EventStore(pool, { inlineProjections: [held.projection] });
    await store.append(uniqueStreamId('before'), 0, [itemPriced(1)]);
    const seen = await readUntil(store, START, 1);

    // The long transaction writes first (so it has the smaller transaction id and global position) but stays open.
    const longAppend = slowStore.append(longStream, 0, [itemPriced(2), itemPriced(3)]);
    await held.entered;
    const short = uniqueStreamId('short');
    await store.append(short, 0, [itemPriced(4)]);
    await store.append(short, 1, [itemPriced(5)]);
    expect(await pool.query('SELECT count(*)::int AS n FROM events')).toMatchObject({ rows: [{ n: 3 }] });

    const whileOpen = await readEverything(seen.checkpoint);
    expect(whileOpen.events).toEqual([]);
    expect(whileOpen.checkpoint).toEqual(seen.checkpoint);

    held.release();
    await longAppend;
    const afterCommit = await readUntil(store, whileOpen.checkpoint, 4);

    expect(afterCommit.events.map((event) => [event.streamId, event.streamVersion])).toEqual([
      [longStream, 1],
      [longStream, 2],
      [short, 1],
      [short, 2],
    ]);
  });

  it('misses nothing and repeats nothing while many transactions commit out of order', async () => {
    const writers = 20;
    const appendsPerWriter = 5;
    const written = new Set<string>();
    const read: string[] = [];
    let checkpoint = START;
    let writing = true;

    const follower = (async () => {
      for (;;) {
        const done = !writing;
        const batch = await store.readAll(checkpoint, 10);
        read.push(...batch.events.map((event) => event.eventId));
        checkpoint = batch.checkpoint;
        if (done && batch.events.length === 0) {
          // Writing is over: whatever is still missing must arrive (see fixtures/follow.ts).
          const rest = await readUntil(store, checkpoint, writers * appendsPerWriter - read.length);
          read.push(...rest.events.map((event) => event.eventId));
          expect(await store.readAll(rest.checkpoint)).toMatchObject({ events: [] });
          return;
        }
      }
    })();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const streamId = uniqueStreamId(`w${writer}`);
        for (let version = 0; version < appendsPerWriter; version++) {
          // Random hold times make transactions that began earlier commit later.
          const held = gate();
          const slow = new EventStore(pool, { inlineProjections: [held.projection] });
          const event = itemPriced(version);
          const appended = slow.append(streamId, version, [event]);
          await held.entered;
          setTimeout(held.release, Math.floor(Math.random() * 15));
          await appended;
          written.add(event.eventId);
        }
      }),
    );
    writing = false;
    await follower;

    expect(read).toHaveLength(writers * appendsPerWriter);
    expect(new Set(read)).toEqual(written);
  });

  it('orders by transaction id as a number where the id gains a digit (999 → 1000), across batches', async () => {
    // Written with chosen transaction ids, below every real one (so already "committed" to the reader: a fresh
    // cluster is moved past them first), in the order a sort as text gets wrong ('10000' < '1001' < '998'), one
    // event per id, in a stream each.
    await pool.query(`DO $$ BEGIN WHILE pg_current_xact_id()::text::bigint < 10100 LOOP COMMIT; END LOOP; END $$`);
    const ids = ['998', '999', '1001', '9999', '10000', '10002'];
    const streams = ids.map((id) => uniqueStreamId(`x${id}`));
    for (const [i, id] of ids.entries()) {
      await pool.query(
        `INSERT INTO events (transaction_id, stream_id, stream_version, event_id, type, schema_version, data, occurred_at)
         VALUES ($1::xid8, $2, 1, $3, 'ItemPriced', 2, '{}', now())`,
        [id, streams[i], `digits-${id}`],
      );
    }
    const seen: string[] = [];
    let checkpoint: Checkpoint = START;
    for (;;) {
      const batch = await store.readAll(checkpoint, 2);
      if (batch.events.length === 0) break;
      seen.push(...batch.events.map((event) => event.transactionId));
      checkpoint = batch.checkpoint;
    }
    expect(seen).toEqual(ids);
    expect(checkpoint.transactionId).toBe('10002');
  });
});
