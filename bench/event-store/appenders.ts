// The three writers compared, behind one shape. Each appends `events` to a stream it alone writes (one writer
// per case, invariant 2), at a version it tracks itself, with the same row contents.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { EventStore } from '@baoho/event-store';

export interface BenchEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export interface Appender {
  append(streamId: string, expectedVersion: number, events: readonly BenchEvent[]): Promise<void>;
  close(): Promise<void>;
}

const OCCURRED_AT = '2026-01-05T09:00:00.000Z';

export function ourAppender(url: string, connections: number): Appender {
  const pool = new Pool({ connectionString: url, max: connections });
  const store = new EventStore(pool);
  return {
    append: async (streamId, expectedVersion, events) => {
      await store.append(
        streamId,
        expectedVersion,
        events.map((event) => ({ eventId: randomUUID(), schemaVersion: 1, occurredAt: OCCURRED_AT, ...event })),
      );
    },
    close: () => pool.end(),
  };
}

/**
 * The floor: one multi-row INSERT into the very same `events` table (same indexes, same trigger, same
 * durability), with no version check — what any store must at least pay.
 */
export function bareInsertAppender(url: string, connections: number): Appender {
  const pool = new Pool({ connectionString: url, max: connections });
  return {
    append: async (streamId, expectedVersion, events) => {
      const values: unknown[] = [];
      const tuples = events.map((event, i) => {
        values.push(streamId, expectedVersion + i + 1, randomUUID(), event.type, 1, JSON.stringify(event.data),
          JSON.stringify(event.metadata), OCCURRED_AT);
        const p = i * 8;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8})`;
      });
      await pool.query({
        name: `bare_insert_${events.length}`,
        text: `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata, occurred_at)
               VALUES ${tuples.join(', ')}`,
        values,
      });
    },
    close: () => pool.end(),
  };
}

/** Emmett with its defaults (its own pg pool, 10 connections — more than the 8 writers need). */
export async function emmettAppender(url: string): Promise<Appender> {
  const store = getPostgreSQLEventStore(url);
  // Emmett creates its schema on first use; do that before anything is timed.
  await store.appendToStream(`warm-up-${randomUUID()}`, [{ type: 'WarmUp', data: {} }]);
  return {
    append: async (streamId, expectedVersion, events) => {
      await store.appendToStream(
        streamId,
        events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })),
        { expectedStreamVersion: expectedVersion === 0 ? STREAM_DOES_NOT_EXIST : BigInt(expectedVersion) },
      );
    },
    close: () => store.close(),
  };
}
