import type { Queryable } from '../queryable';
import type { StoredEvent, Upcaster } from '../types';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';

const READ_STREAM = {
  name: 'baoho_event_store_read_stream',
  text: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
};

/** The stream's events after `fromVersion` (0 = from the start), oldest first. */
export async function readStreamFrom(
  db: Queryable,
  streamId: string,
  fromVersion: number,
  upcast: Upcaster | undefined,
): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>({ ...READ_STREAM, values: [streamId, fromVersion] });
  return rows.map((row) => toStoredEvent(row, upcast));
}
