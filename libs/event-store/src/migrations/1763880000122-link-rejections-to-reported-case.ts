import type { MigrationInterface, QueryRunner } from 'typeorm';

// A refused report names the case it was meant to open when its `source` and `eventId` can be read (most
// refusals are of one bad field, not of the ids): that case is the one a corrected copy, or the same report sent
// again by the hotline, opens. Erasing that case must reach the refused copy too, replayed or not, so the link is
// kept from the moment of refusal (an id derived from two ids: nothing personal).
export class LinkRejectionsToReportedCase1763880000122 implements MigrationInterface {
  name = 'LinkRejectionsToReportedCase1763880000122';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE hotline_rejections ADD COLUMN reported_case_id text NULL`);
    await queryRunner.query(`CREATE INDEX hotline_rejections_by_reported_case ON hotline_rejections (reported_case_id) WHERE reported_case_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX hotline_rejections_by_reported_case`);
    await queryRunner.query(`ALTER TABLE hotline_rejections DROP COLUMN reported_case_id`);
  }
}
