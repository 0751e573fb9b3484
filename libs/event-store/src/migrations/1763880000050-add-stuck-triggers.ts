import type { MigrationInterface, QueryRunner } from 'typeorm';

// What the stuck list (GET /v1/stuck-cases) needs of each case, kept beside it so a page is read without folding
// any state: case_summary.stuck_triggers holds the domain's `stuckTriggers(state)` — each reason the case may be
// stuck for, with the instant (epoch ms) from which it holds — written by the case-summary projection inline with
// each append. The query keeps the triggers whose instant has come (`stuckReasonsAt`).
//
// Existing rows keep NULL until the case-summary projection is rebuilt or the case's next event: for those the
// query falls back to the domain's `stuckReasons` over the stored state, so the list is right either way.
export class AddStuckTriggers1763880000050 implements MigrationInterface {
  name = 'AddStuckTriggers1763880000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_summary ADD COLUMN stuck_triggers jsonb NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_summary DROP COLUMN stuck_triggers`);
  }
}
