import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every read of a case's personal data by a person: who (user, role, missions), when, which case, which part,
// why (purpose, and the reason of a break-glass read). Append-only like the event log: a trigger refuses UPDATE,
// DELETE and TRUNCATE, so a record once written cannot be made to disappear through the application's role.
export class CreateCaseReadAudit1763880000010 implements MigrationInterface {
  name = 'CreateCaseReadAudit1763880000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_read_audit (
        audit_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        read_at      timestamptz NOT NULL DEFAULT now(),
        user_id      text        NOT NULL,
        role         text        NOT NULL,
        missions     text[]      NOT NULL DEFAULT '{}',
        case_id      text        NOT NULL,
        case_mission text        NULL,
        part         text        NOT NULL,
        purpose      text        NOT NULL,
        break_glass  boolean     NOT NULL DEFAULT false,
        reason       text        NULL,
        CHECK (NOT break_glass OR reason IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX case_read_audit_by_case ON case_read_audit (case_id, audit_id)`);
    await queryRunner.query(`CREATE INDEX case_read_audit_by_user ON case_read_audit (user_id, audit_id)`);
    await queryRunner.query(`CREATE INDEX case_read_audit_by_time ON case_read_audit (read_at, audit_id)`);
    await queryRunner.query(`CREATE INDEX case_read_audit_break_glass ON case_read_audit (audit_id) WHERE break_glass`);
    await queryRunner.query(`
      CREATE FUNCTION case_read_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the read audit is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_read_audit_append_only BEFORE UPDATE OR DELETE ON case_read_audit
      FOR EACH ROW EXECUTE FUNCTION case_read_audit_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER case_read_audit_no_truncate BEFORE TRUNCATE ON case_read_audit
      FOR EACH STATEMENT EXECUTE FUNCTION case_read_audit_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_read_audit`);
    await queryRunner.query(`DROP FUNCTION case_read_audit_append_only()`);
  }
}
