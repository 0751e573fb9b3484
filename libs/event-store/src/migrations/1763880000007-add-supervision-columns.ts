import type { MigrationInterface, QueryRunner } from 'typeorm';

// What the supervisors' lists (GET /v1/stuck-cases, /v1/escalations, /v1/closures/pending, /v1/indicators) select
// on, as plain indexed columns of the read models. Every value is derived from the events alone (the projection
// fills them from the folded state, with the last event's occurredAt as "now"), so a rebuild gives the same rows.
//
//   case_summary.stuck_at             the first instant the domain's stuckReasons calls the case stuck if nothing
//                                     else happens (NULL: closed). Whether it IS stuck is decided at query time:
//                                     stuck_at <= now, then confirmed with stuckReasons on `state`.
//   case_summary.severity             risk rank × 4 + (3 − escalation level): 0 is critical at level 3.
//   case_summary.opened_at            when the case was opened (indicators select by it).
//   case_summary.closure_requested_at while status = 'closure_requested'.
//
// Existing rows get the values SQL can derive from `state`; stuck_at gets a safe lower bound (every open case
// becomes a candidate and the query confirms it with the domain) until the case-summary projection is rebuilt.
export class AddSupervisionColumns1763880000007 implements MigrationInterface {
  name = 'AddSupervisionColumns1763880000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_summary
        ADD COLUMN stuck_at             timestamptz NULL,
        ADD COLUMN severity             smallint    NOT NULL DEFAULT 11,
        ADD COLUMN opened_at            timestamptz NULL,
        ADD COLUMN closure_requested_at timestamptz NULL`);
    await queryRunner.query(`
      UPDATE case_summary SET
        severity = (array_position(ARRAY['critical','high','standard'], risk_level) - 1) * 4 + (3 - escalation_level),
        opened_at = to_timestamp((state->>'openedAt')::bigint / 1000.0),
        closure_requested_at = CASE WHEN status = 'closure_requested'
                                    THEN to_timestamp((state->'closure'->>'requestedAt')::bigint / 1000.0) END,
        stuck_at = CASE WHEN status <> 'closed' THEN to_timestamp((state->>'openedAt')::bigint / 1000.0) END`);
    // Most severe first, then longest stuck: the stuck list reads these in order and stops at its page size.
    await queryRunner.query(`CREATE INDEX case_summary_stuck ON case_summary (mission, severity, stuck_at, case_id) WHERE stuck_at IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX case_summary_stuck_all ON case_summary (severity, stuck_at, case_id) WHERE stuck_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX case_summary_closure_pending ON case_summary (mission, closure_requested_at, case_id)
       WHERE status = 'closure_requested'`);
    await queryRunner.query(`
      CREATE INDEX case_summary_closure_pending_all ON case_summary (closure_requested_at, case_id)
       WHERE status = 'closure_requested'`);
    await queryRunner.query(`
      CREATE INDEX case_summary_workload ON case_summary (mission, assignee, risk_level, next_due_at)
       WHERE status <> 'closed'`);
    await queryRunner.query(`CREATE INDEX case_summary_opened ON case_summary (mission, opened_at)`);
    // Escalated deadlines (whether acknowledged is in the case's state: the escalations list reads it from there).
    await queryRunner.query(`CREATE INDEX open_deadlines_escalated ON open_deadlines (mission, escalation_level) WHERE escalation_level > 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX open_deadlines_escalated`);
    for (const index of ['case_summary_stuck', 'case_summary_stuck_all', 'case_summary_closure_pending', 'case_summary_closure_pending_all', 'case_summary_workload', 'case_summary_opened']) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query(`
      ALTER TABLE case_summary DROP COLUMN stuck_at, DROP COLUMN severity, DROP COLUMN opened_at, DROP COLUMN closure_requested_at`);
  }
}
