import type { MigrationInterface, QueryRunner } from 'typeorm';

// The API's memory of POSTs by Idempotency-Key: the same key with the same body gets the same response, the same
// key with another body is refused. Per user, so one person's key never collides with another's. Responses hold
// case views without personal data; rows older than a day may be deleted.
export class CreateIdempotencyKeys1763880000006 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763880000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id         text        NOT NULL,
        idempotency_key text        NOT NULL,
        request_hash    text        NOT NULL,
        response_status integer     NULL,
        response_body   jsonb       NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
