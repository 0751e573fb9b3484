import type { DatabaseError } from 'pg';
import { ConcurrencyError } from '../errors/concurrency-error';
import { EventIdConflictError } from '../errors/event-id-conflict-error';
import type { Queryable } from '../queryable';
import type { NewEvent, StoredEvent } from '../types';
import { APPEND_TO_EXISTING_STREAM, APPEND_TO_NEW_STREAM, type AppendedRow } from './append-statements';

/**
 * Writes the batch at `expectedVersion`. Returns the stored events, or `undefined` when the version had moved
 * (nothing written): the caller then tells a retry of a committed append from a real conflict.
 */
export async function writeBatch(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<StoredEvent[] | undefined> {
  const statement = expectedVersion === 0 ? APPEND_TO_NEW_STREAM : APPEND_TO_EXISTING_STREAM;
  const batch = JSON.stringify(
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
  let rows: AppendedRow[];
  try {
    const result = await db.query<AppendedRow>({
      ...statement,
      values: [streamId, expectedVersion, expectedVersion + events.length, batch],
    });
    rows = result.rows;
  } catch (error) {
    throw translateUniqueViolation(error, streamId, expectedVersion, events);
  }
  if (rows.length === 0) return undefined;
  rows.sort((a, b) => a.stream_version - b.stream_version);
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

function translateUniqueViolation(
  error: unknown,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): unknown {
  const pgError = error as Partial<DatabaseError>;
  if (pgError.code !== '23505') return error;
  if (pgError.constraint === 'events_event_id_unique') {
    return new EventIdConflictError(streamId, events.map((event) => event.eventId));
  }
  // The streams row and the log disagree (only possible if someone wrote events around the store).
  return new ConcurrencyError(streamId, expectedVersion, -1);
}
