import type { MigrationInterface, QueryRunner } from 'typeorm';

// The event log (invariant 1). `streams` carries one row per stream so that an append can check and move the
// version with a single row lock; `events` is the log itself, append-only.
export class CreateEventLog1763880000000 implements MigrationInterface {
  name = 'CreateEventLog1763880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id  text        PRIMARY KEY,
        version    integer     NOT NULL CHECK (version >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigserial   PRIMARY KEY,
        -- The writing transaction: readers follow (transaction_id, global_position) below the oldest running
        -- transaction, so an event whose transaction commits late is never skipped.
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version >= 1),
        event_id        text        NOT NULL,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL CHECK (schema_version >= 1),
        data            jsonb       NOT NULL,
        -- Personal data lives apart from \`data\` so it can be encrypted (and crypto-shredded) on its own.
        personal        jsonb       NULL,
        metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await queryRunner.query(`CREATE INDEX events_commit_order ON events (transaction_id, global_position)`);
    // The log is append-only: a fact once recorded is corrected by a later event, never edited.
    await queryRunner.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE events`);
    await queryRunner.query(`DROP FUNCTION events_append_only()`);
    await queryRunner.query(`DROP TABLE streams`);
  }
}
