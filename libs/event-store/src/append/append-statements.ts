// The append as one statement: move the stream's version (a row lock serialises writers of one stream) and
// insert the batch, joined so that no event is written unless the version moved. A single statement is atomic
// on its own, so an append without inline projections costs one round trip — the same as a bare INSERT.

// The batch arrives as one JSON array: one parameter, parsed once by PostgreSQL, however many events.
const INSERT_BATCH = `
INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, personal, metadata, occurred_at)
SELECT stream.stream_id, $2::int + e.ord::int, e.event_id, e.type, e.schema_version, e.data, e.personal,
       coalesce(e.metadata, '{}'::jsonb), e.occurred_at
  FROM stream,
       ROWS FROM (jsonb_to_recordset($4::jsonb) AS (event_id text, type text, schema_version int, data jsonb,
                  personal jsonb, metadata jsonb, occurred_at timestamptz))
         WITH ORDINALITY AS e(event_id, type, schema_version, data, personal, metadata, occurred_at, ord)
 ORDER BY e.ord
RETURNING global_position, transaction_id, stream_version, recorded_at`;

/** $1 stream id, $2 expected version (0), $3 next version, $4 batch. Only the first writer creates the stream. */
export const APPEND_TO_NEW_STREAM = {
  name: 'baoho_event_store_append_new',
  text: `
WITH stream AS (
  INSERT INTO streams (stream_id, version) VALUES ($1, $3)
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id
)${INSERT_BATCH}`,
};

/**
 * $1 stream id, $2 expected version, $3 next version, $4 batch. Under READ COMMITTED a writer blocked on the
 * row re-checks `version = $2` after the first commits, so exactly one writer per version succeeds.
 */
export const APPEND_TO_EXISTING_STREAM = {
  name: 'baoho_event_store_append_existing',
  text: `
WITH stream AS (
  UPDATE streams SET version = $3, updated_at = now()
   WHERE stream_id = $1 AND version = $2
  RETURNING stream_id
)${INSERT_BATCH}`,
};

export interface AppendedRow {
  global_position: string;
  transaction_id: string;
  stream_version: number;
  recorded_at: Date;
}
