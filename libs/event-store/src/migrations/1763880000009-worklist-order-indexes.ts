import type { MigrationInterface, QueryRunner } from 'typeorm';

// The worklists sort by the nearest deadline, cases without one last: `coalesce(next_due_at, 'infinity')`, then
// case id. Indexes on exactly that expression let PostgreSQL read a page in order and stop after it, instead of
// sorting every case of a mission on each request (measured by bench/api on 100,000 cases).
export class WorklistOrderIndexes1763880000009 implements MigrationInterface {
  name = 'WorklistOrderIndexes1763880000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX case_summary_mission_due ON case_summary (mission, (coalesce(next_due_at, 'infinity'::timestamptz)), case_id)`);
    await queryRunner.query(`
      CREATE INDEX case_summary_due ON case_summary ((coalesce(next_due_at, 'infinity'::timestamptz)), case_id)`);
    await queryRunner.query(`
      CREATE INDEX case_summary_assignee_due ON case_summary (assignee, (coalesce(next_due_at, 'infinity'::timestamptz)), case_id)
       WHERE status <> 'closed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_summary_assignee_due`);
    await queryRunner.query(`DROP INDEX case_summary_due`);
    await queryRunner.query(`DROP INDEX case_summary_mission_due`);
  }
}
