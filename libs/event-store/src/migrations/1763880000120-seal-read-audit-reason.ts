import type { MigrationInterface, QueryRunner } from 'typeorm';

// A break-glass reason may name the survivor or her circumstances, so the API stores it sealed with the case's
// data key (`bh1.` envelope), never as plain text. The database refuses a plain reason from here on. NOT VALID:
// rows written before sealing existed are not checked (the audit is append-only; they cannot be rewritten).
export class SealReadAuditReason1763880000120 implements MigrationInterface {
  name = 'SealReadAuditReason1763880000120';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_read_audit ADD CONSTRAINT case_read_audit_reason_sealed
        CHECK (reason IS NULL OR reason LIKE 'bh1.%') NOT VALID`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_read_audit DROP CONSTRAINT case_read_audit_reason_sealed`);
  }
}
