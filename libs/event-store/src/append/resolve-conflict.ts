import { ConcurrencyError } from '../errors/concurrency-error';
import { EventIdConflictError } from '../errors/event-id-conflict-error';
import type { Queryable } from '../queryable';
import type { AppendResult, NewEvent } from '../types';
import { STREAM_VERSION } from './append-statements';

interface RecordedRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  global_position: string;
}

/**
 * The version had moved. If the very same events (same ids) already sit at the versions this append asked for,
 * it is a retry of an append that committed — succeed with the original result and write nothing (invariant 4).
 * A version that moved is a real conflict; an unmoved version with an id already in the log is a different fact
 * reusing that id.
 */
export async function resolveConflict(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<AppendResult> {
  const { rows } = await db.query<RecordedRow>({
    name: 'baoho_event_store_find_recorded',
    text: `SELECT event_id, stream_id, stream_version, global_position FROM events WHERE event_id = ANY($1::text[])`,
    values: [events.map((event) => event.eventId)],
  });
  const byId = new Map(rows.map((row) => [row.event_id, row]));
  const positions: string[] = [];
  events.forEach((event, i) => {
    const row = byId.get(event.eventId);
    if (row && row.stream_id === streamId && row.stream_version === expectedVersion + i + 1) {
      positions.push(row.global_position);
    }
  });
  if (positions.length === events.length) return { nextVersion: expectedVersion + events.length, positions };

  const current = await db.query<{ version: number }>({ ...STREAM_VERSION, values: [streamId] });
  const actualVersion = current.rows[0]?.version ?? 0;
  // The version still stands, so what refused the write was an id this batch reuses from elsewhere in the log.
  if (actualVersion === expectedVersion && byId.size > 0) throw new EventIdConflictError(streamId, [...byId.keys()]);
  throw new ConcurrencyError(streamId, expectedVersion, actualVersion);
}
