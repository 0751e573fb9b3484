import type { DatabaseError } from 'pg';
import { InvalidAppendError } from '../errors/invalid-append-error';
import type { Queryable } from '../queryable';
import type { NewEvent, StoredEvent } from '../types';
import { APPEND_MANY, APPEND_MANY_POSITIONS, APPEND_ONE, APPEND_ONE_POSITIONS, type AppendedRow } from './append-statements';

/**
 * Thrown when a racing writer took a version or an event id first (a unique violation). Inside a transaction
 * the statement's failure aborts it, so the store resolves the race after rolling back, never within.
 */
export class AppendRaced extends Error {
  constructor() {
    super('another append took this version or event id first');
    this.name = 'AppendRaced';
  }
}

/**
 * Writes the batch at `expectedVersion`. Returns the stored events, or `undefined` when the version had moved
 * (nothing written); throws `AppendRaced` when a concurrent writer won. Either way the caller then tells a
 * retry of a committed append from a real conflict.
 */
export async function writeBatch(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<StoredEvent[] | undefined> {
  const rows = await insert(db, streamId, expectedVersion, events, APPEND_ONE, APPEND_MANY);
  if (!rows) return undefined;
  return rows.map((row, i) => {
    const event = events[i]!;
    return {
      globalPosition: row.global_position,
      transactionId: row.transaction_id,
      streamId,
      streamVersion: row.stream_version,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      personal: event.personal ?? null,
      metadata: event.metadata ?? {},
      occurredAt: new Date(event.occurredAt).toISOString(),
      recordedAt: row.recorded_at.toISOString(),
    };
  });
}

/** The same write, answering with the global positions only (a store without inline projections needs no more). */
export async function writeBatchPositions(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<string[] | undefined> {
  const rows = await insert(db, streamId, expectedVersion, events, APPEND_ONE_POSITIONS, APPEND_MANY_POSITIONS);
  return rows?.map((row) => row.global_position);
}

interface Statement {
  readonly name: string;
  readonly text: string;
}

/** The rows written in version order, or `undefined` when the version had moved; `AppendRaced` on a race. */
async function insert(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  one: Statement,
  many: Statement,
): Promise<AppendedRow[] | undefined> {
  let rows: AppendedRow[];
  try {
    const result = await db.query<AppendedRow>(
      events.length === 1
        ? { ...one, values: [streamId, expectedVersion, ...columnsOf(events[0]!)] }
        : { ...many, values: [streamId, expectedVersion, batchAsJson(events)] },
    );
    rows = result.rows;
  } catch (error) {
    const code = (error as Partial<DatabaseError>).code;
    if (code === UNIQUE_VIOLATION) throw new AppendRaced();
    // Class 22, data exception: a value PostgreSQL cannot store (\u0000 in jsonb…). No retry will change it.
    if (code?.startsWith('22')) throw new InvalidAppendError(`stream ${streamId}: a value cannot be stored (${code})`);
    throw error;
  }
  if (rows.length === 0) return undefined;
  if (rows.length > 1) rows.sort((a, b) => a.stream_version - b.stream_version);
  return rows;
}

const UNIQUE_VIOLATION = '23505';

/** An event's column values, in the statements' order; JSON columns as text, parsed once by PostgreSQL. */
function columnsOf(event: NewEvent): unknown[] {
  return [
    event.eventId,
    event.type,
    event.schemaVersion,
    JSON.stringify(event.data),
    // A SQL NULL, not the jsonb value 'null', when there is nothing personal.
    event.personal == null ? null : JSON.stringify(event.personal),
    JSON.stringify(event.metadata ?? {}),
    event.occurredAt,
  ];
}

/** The batch as one JSON array of rows. */
function batchAsJson(events: readonly NewEvent[]): string {
  return JSON.stringify(
    events.map((event) => ({
      event_id: event.eventId,
      type: event.type,
      schema_version: event.schemaVersion,
      data: event.data,
      // Absent keys become SQL NULL; a JSON null would be stored as the jsonb value 'null'.
      personal: event.personal ?? undefined,
      metadata: event.metadata,
      occurred_at: event.occurredAt,
    })),
  );
}
