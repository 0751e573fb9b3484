// The append as one statement: insert the batch right after the expected version. The log itself carries the
// version, so no side table is updated and an append costs what a bare INSERT costs: one round trip, one heap
// row per event. Two guards make it exact:
// - the unique (stream_id, stream_version) index lets exactly one writer take a version — a racer blocks on the
//   winner's index entry and, once the winner commits, fails with a unique violation (reported as a conflict);
// - the event at the expected version must exist (one index probe), so an expected version ahead of the stream
//   writes nothing rather than leaving a gap.

const COLUMNS = 'stream_id, stream_version, event_id, type, schema_version, data, personal, metadata, occurred_at';
const EXPECTED_VERSION_IS_LAST = `$2::int = 0 OR EXISTS (SELECT 1 FROM events WHERE stream_id = $1 AND stream_version = $2::int)`;
// What inline projections need of the rows written; a store without them needs only the positions (and is spared
// parsing a timestamp per event).
const RETURNED = 'RETURNING global_position, transaction_id, stream_version, recorded_at';
const RETURNED_POSITIONS = 'RETURNING global_position, stream_version';

const appendOne = (returning: string) => `
INSERT INTO events (${COLUMNS})
SELECT $1, $2::int + 1, $3, $4, $5, $6, $7, $8, $9
 WHERE ${EXPECTED_VERSION_IS_LAST}
${returning}`;

/** One event — the usual case, one command deciding one fact: plain parameters, nothing to unpack. */
export const APPEND_ONE = { name: 'baoho_event_store_append_one', text: appendOne(RETURNED) };
export const APPEND_ONE_POSITIONS = { name: 'baoho_event_store_append_one_positions', text: appendOne(RETURNED_POSITIONS) };

/**
 * Several events: $3 the batch as one JSON array — one parameter, parsed once by PostgreSQL however many events
 * (measured faster for 100-event batches than one array parameter per column).
 */
const appendMany = (returning: string) => `
INSERT INTO events (${COLUMNS})
SELECT $1, $2::int + e.ord::int, e.event_id, e.type, e.schema_version, e.data, e.personal,
       coalesce(e.metadata, '{}'::jsonb), e.occurred_at
  FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (event_id text, type text, schema_version int, data jsonb,
                  personal jsonb, metadata jsonb, occurred_at timestamptz))
         WITH ORDINALITY AS e(event_id, type, schema_version, data, personal, metadata, occurred_at, ord)
 WHERE ${EXPECTED_VERSION_IS_LAST}
 ORDER BY e.ord
${returning}`;

export const APPEND_MANY = { name: 'baoho_event_store_append_many', text: appendMany(RETURNED) };
export const APPEND_MANY_POSITIONS = { name: 'baoho_event_store_append_many_positions', text: appendMany(RETURNED_POSITIONS) };

/** A stream's version: the number of events in it (0 for a stream never written). */
export const STREAM_VERSION = {
  name: 'baoho_event_store_stream_version',
  text: `SELECT coalesce(max(stream_version), 0) AS version FROM events WHERE stream_id = $1`,
};

export interface AppendedRow {
  global_position: string;
  transaction_id: string;
  stream_version: number;
  recorded_at: Date;
}
