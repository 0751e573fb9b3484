import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hotline events the intake refused (invariant 5: a refused input is stored with its reason, never dropped).
// The original bytes are kept so an operator can correct and replay them; the reason names codes and field
// paths only. `dedupe_key` makes a redelivered poison message (same topic, partition and offset) or a body
// posted twice over HTTP one row.
export class CreateHotlineRejections1763880000004 implements MigrationInterface {
  name = 'CreateHotlineRejections1763880000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hotline_rejections (
        rejection_id     bigserial   PRIMARY KEY,
        dedupe_key       text        NOT NULL UNIQUE,
        received_via     text        NOT NULL CHECK (received_via IN ('kafka', 'http')),
        kafka_topic      text        NULL,
        kafka_partition  integer     NULL,
        kafka_offset     text        NULL,
        kafka_key        bytea       NULL,
        kafka_headers    jsonb       NULL,
        -- The refused bytes, personal data included: readable by operators only, never logged.
        payload          bytea       NULL,
        reason_code      text        NOT NULL,
        reason_message   text        NOT NULL,
        reason_issues    jsonb       NOT NULL DEFAULT '[]'::jsonb,
        rejected_at      timestamptz NOT NULL DEFAULT now(),
        status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replayed')),
        replayed_at      timestamptz NULL,
        replayed_case_id text        NULL
      )`);
    await queryRunner.query(`CREATE INDEX hotline_rejections_by_status ON hotline_rejections (status, rejection_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE hotline_rejections`);
  }
}
