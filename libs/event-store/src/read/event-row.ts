import type { StoredEvent, Upcaster } from '../types';

/** The columns every read selects, in the shape `toStoredEvent` maps. */
export const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id, stream_id, stream_version, event_id,
  type, schema_version, data, personal, metadata, occurred_at, recorded_at`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  personal: unknown;
  metadata: Record<string, unknown>;
  occurred_at: Date;
  recorded_at: Date;
}

/** Maps a row to a stored event, upcast to today's schema when an upcaster is given. */
export function toStoredEvent(row: EventRow, upcast: Upcaster | undefined): StoredEvent {
  const raw = { type: row.type, schemaVersion: row.schema_version, data: row.data, personal: row.personal };
  const current = upcast ? upcast(raw) : raw;
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: current.type,
    schemaVersion: current.schemaVersion,
    data: current.data,
    personal: current.personal ?? null,
    metadata: row.metadata,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
  };
}
