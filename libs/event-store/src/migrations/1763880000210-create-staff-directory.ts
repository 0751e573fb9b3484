import type { MigrationInterface, QueryRunner } from 'typeorm';

// The people who work cases, so a case is assigned or shared only to someone who exists (a typo'd assignee was
// accepted before). A row is written when a caseworker, supervisor or HQ officer signs in to the console (role and
// missions from their token, `first_seen_at`/`last_seen_at`), or by an admin before a first sign-in; an admin
// deactivates someone who left (`active = false`), and a sign-in never turns that back on. Staff data only: user
// ids, roles, mission codes and an optional display name — nothing about a survivor.
export class CreateStaffDirectory1763880000210 implements MigrationInterface {
  name = 'CreateStaffDirectory1763880000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_directory (
        user_id       text        PRIMARY KEY,
        role          text        NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'hq_officer')),
        missions      text[]      NOT NULL DEFAULT '{}',
        display_name  text        NULL,
        active        boolean     NOT NULL DEFAULT true,
        first_seen_at timestamptz NULL,
        last_seen_at  timestamptz NULL
      )`);
    // The staff lists filter by mission overlap (`missions && $1`).
    await queryRunner.query(`CREATE INDEX staff_directory_missions ON staff_directory USING gin (missions)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE staff_directory`);
  }
}
