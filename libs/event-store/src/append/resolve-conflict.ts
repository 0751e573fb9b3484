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
  type: string;
  metadata: Record<string, unknown>;
}

/**
 * The version had moved. If the very same events already sit at the versions this append asked for — same ids,
 * and the same fact: same type, same metadata (who, which command) — it is a retry of an append that committed:
 * succeed with the original result and write nothing (invariant 4). Ids alone do not prove it: a writer's ids
 * may be derived from the version (`<case>:<version>`), so another command decided at the same version carries
 * the same ids; that is a real conflict (a writer that lost track of what it wrote, e.g. when its Temporal
 * history lost the last task), never a retry. A version that moved is a conflict; an unmoved version with an id
 * already in the log is a different fact reusing that id.
 */
export async function resolveConflict(
  db: Queryable,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<AppendResult> {
  const { rows } = await db.query<RecordedRow>({
    name: 'baoho_event_store_find_recorded',
    text: `SELECT event_id, stream_id, stream_version, global_position, type, metadata FROM events WHERE event_id = ANY($1::text[])`,
    values: [events.map((event) => event.eventId)],
  });
  const byId = new Map(rows.map((row) => [row.event_id, row]));
  const positions: string[] = [];
  events.forEach((event, i) => {
    const row = byId.get(event.eventId);
    if (row && row.stream_id === streamId && row.stream_version === expectedVersion + i + 1 && sameFact(row, event)) {
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

/** The logged event is the one this append carries, by type and metadata (jsonb hands keys back in its own order). */
function sameFact(row: RecordedRow, event: NewEvent): boolean {
  return row.type === event.type && canonical(row.metadata ?? {}) === canonical(event.metadata ?? {});
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
