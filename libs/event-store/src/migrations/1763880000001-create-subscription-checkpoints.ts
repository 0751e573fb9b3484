import type { MigrationInterface, QueryRunner } from 'typeorm';

// Where each follower of the log (async projection, Kafka relay) has got to. A checkpoint is a position in
// commit order: (last transaction id, last global position), saved in the same transaction as the work it covers.
export class CreateSubscriptionCheckpoints1763880000001 implements MigrationInterface {
  name = 'CreateSubscriptionCheckpoints1763880000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscription_checkpoints (
        subscription_id      text        PRIMARY KEY,
        last_transaction_id  xid8        NOT NULL DEFAULT '0'::xid8,
        last_global_position bigint      NOT NULL DEFAULT 0,
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscription_checkpoints`);
  }
}
