import type { MigrationInterface, QueryRunner } from 'typeorm';

// Who besides the assignee may see a case (CaseShared events), kept in the case's summary row so every list
// filters a caseworker's scope in the same query. User ids only.
export class AddCaseSharedWith1763880000011 implements MigrationInterface {
  name = 'AddCaseSharedWith1763880000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_summary ADD COLUMN shared_with text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX case_summary_shared_with ON case_summary USING gin (shared_with)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_summary DROP COLUMN shared_with`);
  }
}
