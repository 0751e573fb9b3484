import { Pool } from 'pg';
import {
  ConcurrencyError,
  EventIdConflictError,
  EventStore,
  InvalidAppendError,
  type InlineProjection,
} from '@baoho/event-store';
import { createTestDatabase, type TestDatabase } from '../../support/postgres';
import { itemPriced, uniqueStreamId } from './fixtures/events';

describe('appending to a stream', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: EventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 20 });
    store = new EventStore(pool);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const countEvents = async (streamId: string): Promise<number> =>
    Number((await pool.query('SELECT count(*) FROM events WHERE stream_id = $1', [streamId])).rows[0].count);

  describe('a new stream', () => {
    it('starts at expected version 0 and numbers events from 1, keeping every field', async () => {
      const streamId = uniqueStreamId();
      const first = itemPriced(10, { personal: { name: 'A. Citizen' } });
      const second = itemPriced(20);

      const result = await store.append(streamId, 0, [first, second]);

      expect(result.nextVersion).toBe(2);
      expect(result.positions).toHaveLength(2);
      expect(BigInt(result.positions[0]!)).toBeLessThan(BigInt(result.positions[1]!));
      const events = await store.readStream(streamId);
      expect(events.map((event) => [event.streamVersion, event.eventId, event.globalPosition])).toEqual([
        [1, first.eventId, result.positions[0]],
        [2, second.eventId, result.positions[1]],
      ]);
      expect(events[0]).toMatchObject({
        streamId,
        type: 'ItemPriced',
        schemaVersion: 2,
        data: first.data,
        personal: { name: 'A. Citizen' },
        metadata: first.metadata,
        occurredAt: first.occurredAt,
      });
      expect(events[1]!.personal).toBeNull();
      expect(events[0]!.transactionId).toBe(events[1]!.transactionId);
      expect(await store.readStream(streamId, 1)).toHaveLength(1);
    });

    it('refuses an expected version other than 0 with VERSION_CONFLICT', async () => {
      const streamId = uniqueStreamId();
      await expect(store.append(streamId, 3, [itemPriced(1)])).rejects.toMatchObject({
        code: 'VERSION_CONFLICT',
        expectedVersion: 3,
        actualVersion: 0,
      });
      expect(await countEvents(streamId)).toBe(0);
    });
  });

  describe('an existing stream', () => {
    it('appends at the current version and refuses a stale one', async () => {
      const streamId = uniqueStreamId();
      await store.append(streamId, 0, [itemPriced(1)]);
      await expect(store.append(streamId, 1, [itemPriced(2), itemPriced(3)])).resolves.toMatchObject({ nextVersion: 3 });

      const stale = store.append(streamId, 1, [itemPriced(4)]);

      await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 3 });
      expect(await countEvents(streamId)).toBe(3);
    });

    it('refuses a second new-stream append with VERSION_CONFLICT', async () => {
      const streamId = uniqueStreamId();
      await store.append(streamId, 0, [itemPriced(1)]);
      await expect(store.append(streamId, 0, [itemPriced(2)])).rejects.toMatchObject({ actualVersion: 1 });
    });

    it('refuses an expected version ahead of the stream rather than leave a gap, for one event or many', async () => {
      const streamId = uniqueStreamId();
      await store.append(streamId, 0, [itemPriced(1), itemPriced(2)]);

      await expect(store.append(streamId, 3, [itemPriced(3)])).rejects.toMatchObject({ expectedVersion: 3, actualVersion: 2 });
      await expect(store.append(streamId, 5, [itemPriced(4), itemPriced(5)])).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2]);
    });
  });

  describe('50 concurrent appends racing on one stream', () => {
    it('lets exactly one win per version; the others get ConcurrencyError and nothing is half-written', async () => {
      const streamId = uniqueStreamId();
      const racers = 50;
      const rounds = 4;
      let version = 0;
      const winners: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const batches = Array.from({ length: racers }, (_, racer) => [
          itemPriced(racer, { metadata: { racer: `${round}-${racer}` } }),
          itemPriced(racer, { metadata: { racer: `${round}-${racer}` } }),
          itemPriced(racer, { metadata: { racer: `${round}-${racer}` } }),
        ]);

        const outcomes = await Promise.allSettled(batches.map((batch) => store.append(streamId, version, batch)));

        const won = outcomes.flatMap((outcome, racer) => (outcome.status === 'fulfilled' ? [racer] : []));
        const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(racers - 1);
        for (const outcome of lost) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        winners.push(`${round}-${won[0]}`);
        version += 3;
      }

      const events = await store.readStream(streamId);
      expect(events.map((event) => event.streamVersion)).toEqual(Array.from({ length: rounds * 3 }, (_, i) => i + 1));
      // Each version's three events all come from that round's single winner.
      for (let round = 0; round < rounds; round++) {
        const racersInRound = new Set(events.slice(round * 3, round * 3 + 3).map((event) => event.metadata['racer']));
        expect([...racersInRound]).toEqual([winners[round]]);
      }
      const lastVersion = await pool.query('SELECT max(stream_version) AS v FROM events WHERE stream_id = $1', [streamId]);
      expect(lastVersion.rows[0].v).toBe(rounds * 3);
    });
  });

  describe('a retried append (invariant 4)', () => {
    it('succeeds after it committed, returns the same result and writes nothing', async () => {
      const streamId = uniqueStreamId();
      await store.append(streamId, 0, [itemPriced(1)]);
      const batch = [itemPriced(2), itemPriced(3)];
      const original = await store.append(streamId, 1, batch);

      const retried = await store.append(streamId, 1, batch);

      expect(retried).toEqual(original);
      expect(await countEvents(streamId)).toBe(3);
    });

    it('is a no-op even when the retry races the original', async () => {
      const streamId = uniqueStreamId();
      const batch = [itemPriced(1), itemPriced(2)];

      const results = await Promise.all(Array.from({ length: 10 }, () => store.append(streamId, 0, batch)));

      expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
      expect(await countEvents(streamId)).toBe(2);
    });

    it('is still a conflict when a different batch holds the version', async () => {
      const streamId = uniqueStreamId();
      const batch = [itemPriced(1), itemPriced(2)];
      await store.append(streamId, 0, batch);

      await expect(store.append(streamId, 0, [batch[0]!, itemPriced(3)])).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append(streamId, 0, [batch[1]!, batch[0]!])).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await countEvents(streamId)).toBe(2);
    });

    it('is a conflict when another command\'s event sits under the same version-derived id', async () => {
      // A workflow's ids are `<case>:<version>`: a workflow whose Temporal history lost its last task decides
      // another command at a version the log already holds, with the very same ids. That is not a retry.
      const streamId = uniqueStreamId();
      const id = `${streamId}:1`;
      await store.append(streamId, 0, [{ ...itemPriced(1), eventId: id, metadata: { commandId: 'cmd-a' } }]);

      await expect(store.append(streamId, 0, [{ ...itemPriced(1), eventId: id, metadata: { commandId: 'cmd-b' } }])).rejects.toBeInstanceOf(ConcurrencyError);
      // the same command again, decided a moment later (its data differ): still the retry it is
      const retried = await store.append(streamId, 0, [{ ...itemPriced(2), eventId: id, metadata: { commandId: 'cmd-a' } }]);
      expect(retried.nextVersion).toBe(1);
      expect(await countEvents(streamId)).toBe(1);
    });

    it('refuses an event id already recorded at another place', async () => {
      const event = itemPriced(1);
      await store.append(uniqueStreamId(), 0, [event]);
      const other = uniqueStreamId();

      await expect(store.append(other, 0, [itemPriced(2), event])).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await countEvents(other)).toBe(0);
      expect(await store.append(other, 0, [itemPriced(3)])).toMatchObject({ nextVersion: 1 });
    });
  });

  describe('atomicity', () => {
    it('writes nothing when an inline projection fails inside the append transaction', async () => {
      const failing: InlineProjection = {
        name: 'failing',
        apply: () => Promise.reject(new Error('projection broke')),
      };
      const guarded = new EventStore(pool, { inlineProjections: [failing] });
      const streamId = uniqueStreamId();

      await expect(guarded.append(streamId, 0, [itemPriced(1), itemPriced(2)])).rejects.toThrow('projection broke');

      expect(await countEvents(streamId)).toBe(0);
      // And the stream is still new: the append can be made again from version 0.
      await expect(store.append(streamId, 0, [itemPriced(1)])).resolves.toMatchObject({ nextVersion: 1 });
    });

    it('refuses a value PostgreSQL cannot store as a final InvalidAppendError, writing nothing', async () => {
      const streamId = uniqueStreamId();
      const unstorable = { ...itemPriced(1), data: { note: 'a\u0000b' } };
      await expect(store.append(streamId, 0, [unstorable])).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await countEvents(streamId)).toBe(0);
    });

    it('refuses malformed appends before touching the database', async () => {
      const event = itemPriced(1);
      await expect(store.append(uniqueStreamId(), 0, [])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(uniqueStreamId(), -1, [event])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(uniqueStreamId(), 0, [event, event])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(uniqueStreamId(), 0, [itemPriced(1, { occurredAt: 'yesterday' })])).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
    });
  });

  describe('the log (invariant 1)', () => {
    it('is append-only: rows cannot be updated or deleted', async () => {
      const streamId = uniqueStreamId();
      await store.append(streamId, 0, [itemPriced(1)]);

      await expect(pool.query(`UPDATE events SET type = 'Forged' WHERE stream_id = $1`, [streamId])).rejects.toThrow(
        /append-only/,
      );
      await expect(pool.query('DELETE FROM events WHERE stream_id = $1', [streamId])).rejects.toThrow(/append-only/);
    });
  });
});
