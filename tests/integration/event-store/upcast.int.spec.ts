import { Pool } from 'pg';
import { EventStore, START, type RawEvent, type StoredEvent } from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { itemPriced, uniqueStreamId } from './fixtures/events';

// ItemPriced v1 carried a bare number in euros: `{ price: 12.5 }`. v2 names the currency: `{ amount: { value,
// currency } }`. Old events stay as they were written; readers see v2.
const upcastItemPriced = (raw: RawEvent): RawEvent => {
  if (raw.type !== 'ItemPriced' || raw.schemaVersion !== 1) return raw;
  const { price } = raw.data as { price: number };
  return { ...raw, schemaVersion: 2, data: { amount: { value: price, currency: 'EUR' } } };
};

describe('upcasting on read', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('turns a stored ItemPriced v1 into v2 in readStream, readAll and inline projections, leaving the log untouched', async () => {
    const seenByProjection: StoredEvent[] = [];
    const store = new EventStore(pool, {
      upcast: upcastItemPriced,
      inlineProjections: [{ name: 'spy', apply: async (_client, events) => void seenByProjection.push(...events) }],
    });
    const streamId = uniqueStreamId();
    const v1 = itemPriced(0, { schemaVersion: 1, data: { price: 12.5 } });
    const v2 = itemPriced(7);

    await store.append(streamId, 0, [v1, v2]);

    const expected = [
      { schemaVersion: 2, data: { amount: { value: 12.5, currency: 'EUR' } } },
      { schemaVersion: 2, data: { amount: { value: 7, currency: 'EUR' } } },
    ];
    expect(await store.readStream(streamId)).toMatchObject(expected);
    expect((await store.readAll(START)).events).toMatchObject(expected);
    expect(seenByProjection).toMatchObject(expected);
    const stored = await pool.query('SELECT schema_version, data FROM events WHERE event_id = $1', [v1.eventId]);
    expect(stored.rows).toEqual([{ schema_version: 1, data: { price: 12.5 } }]);
    expect(await new EventStore(pool).readStream(streamId)).toMatchObject([{ schemaVersion: 1, data: { price: 12.5 } }, {}]);
  });
});
