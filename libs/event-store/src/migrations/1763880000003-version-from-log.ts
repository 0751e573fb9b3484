import type { MigrationInterface, QueryRunner } from 'typeorm';

// A stream's version is read from the log itself (its highest stream_version, guarded by the unique
// (stream_id, stream_version) index), so the `streams` side table no longer earns the row update every append
// paid for it: single-event appends now cost what a bare INSERT costs.
export class VersionFromLog1763880000003 implements MigrationInterface {
  name = 'VersionFromLog1763880000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE streams`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id  text        PRIMARY KEY,
        version    integer     NOT NULL CHECK (version >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO streams (stream_id, version)
      SELECT stream_id, max(stream_version) FROM events GROUP BY stream_id`);
  }
}
