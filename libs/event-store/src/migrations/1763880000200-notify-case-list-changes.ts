import type { MigrationInterface, QueryRunner } from 'typeorm';

// The API keeps the supervisors' and mission lists it served in memory (apps/api/src/lists) and must drop a page
// the moment its rows may have changed. Every list it keeps reads `case_summary` only, so a change of a row is
// told right here, inside the transaction that made it: each inserted, updated or deleted row notifies channel
// `baoho_case_lists` with its mission (both the old and the new one when a case moves), and a TRUNCATE (a rebuild of
// the projection) notifies `*`, every mission. PostgreSQL delivers a notification only once its transaction commits,
// and collapses repeats of the same mission within one transaction (a batch append notifies each mission once).
// The payload is a mission code: no personal data.
//
// (open_deadlines needs no trigger of its own: the projection rewrites a case's deadlines only together with its
// case_summary row, of the same mission, in the same transaction.)
export class NotifyCaseListChanges1763880000200 implements MigrationInterface {
  name = 'NotifyCaseListChanges1763880000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION case_lists_notify_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('baoho_case_lists', OLD.mission); END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.mission IS DISTINCT FROM OLD.mission) THEN
          PERFORM pg_notify('baoho_case_lists', NEW.mission);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION case_lists_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('baoho_case_lists', '*');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_summary_lists_row AFTER INSERT OR UPDATE OR DELETE ON case_summary
        FOR EACH ROW EXECUTE FUNCTION case_lists_notify_row()`);
    await queryRunner.query(`
      CREATE TRIGGER case_summary_lists_truncate AFTER TRUNCATE ON case_summary
        FOR EACH STATEMENT EXECUTE FUNCTION case_lists_notify_all()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_summary_lists_truncate ON case_summary`);
    await queryRunner.query(`DROP TRIGGER case_summary_lists_row ON case_summary`);
    await queryRunner.query(`DROP FUNCTION case_lists_notify_all()`);
    await queryRunner.query(`DROP FUNCTION case_lists_notify_row()`);
  }
}
