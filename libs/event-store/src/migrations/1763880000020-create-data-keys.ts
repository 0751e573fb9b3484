import type { MigrationInterface, QueryRunner } from 'typeorm';

// Data keys, one per owner (`case:<id>`, or `rejection:<dedupe key>` for a refused hotline payload), stored only
// wrapped by a master key that lives outside the database (the key provider). Erasure wipes `wrapped_key` and
// sets `destroyed_at`: the row stays so no one can create a fresh key for an erased case. Rotation rewrites this
// table only (never an event).
export class CreateDataKeys1763880000020 implements MigrationInterface {
  name = 'CreateDataKeys1763880000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_keys (
        owner         text        PRIMARY KEY,
        master_key_id text        NULL,
        wrapped_key   bytea       NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        destroyed_at  timestamptz NULL,
        CHECK ((destroyed_at IS NULL) = (wrapped_key IS NOT NULL AND master_key_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX data_keys_by_master_key ON data_keys (master_key_id) WHERE wrapped_key IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE data_keys`);
  }
}
