import type { MigrationInterface, QueryRunner } from 'typeorm';

// Read models for people: one row per case and one row per running deadline. Both are derived from the log and
// can be dropped and rebuilt (invariant 1); codes and times only, never personal data.
export class CreateCaseReadModels1763880000002 implements MigrationInterface {
  name = 'CreateCaseReadModels1763880000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_summary (
        case_id          text        PRIMARY KEY,
        mission          text        NOT NULL,
        stage            text        NOT NULL,
        status           text        NOT NULL,
        risk_level       text        NOT NULL,
        assignee         text        NULL,
        escalation_level integer     NOT NULL DEFAULT 0,
        next_due_at      timestamptz NULL,
        last_activity_at timestamptz NOT NULL,
        categories       text[]      NOT NULL DEFAULT '{}',
        stream_version   integer     NOT NULL,
        -- The state evolved by the domain's \`evolve\`, so the next batch continues from it without a replay.
        state            jsonb       NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_summary_worklist ON case_summary (mission, status, next_due_at)`);
    await queryRunner.query(`CREATE INDEX case_summary_assignee ON case_summary (assignee) WHERE assignee IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE open_deadlines (
        case_id          text        NOT NULL,
        item             text        NOT NULL,
        kind             text        NOT NULL,
        mission          text        NOT NULL,
        party            text        NOT NULL,
        due_at           timestamptz NOT NULL,
        escalation_level integer     NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, item)
      )`);
    await queryRunner.query(`CREATE INDEX open_deadlines_due ON open_deadlines (due_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE open_deadlines`);
    await queryRunner.query(`DROP TABLE case_summary`);
  }
}
