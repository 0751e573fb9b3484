import type { MigrationInterface, QueryRunner } from 'typeorm';

// The API now keeps a keyed hash (HMAC-SHA-256, `hmac1:` prefix) of each request body instead of a plain SHA-256,
// which a guess of a short personal value (a phone number) could be checked against. The plain rows go: they
// only answered a client's retry, and a retry without its row is still one command (its id comes from the key,
// and the workflow answers a repeated update id with the first result).
export class KeyedIdempotencyHashes1763880000121 implements MigrationInterface {
  name = 'KeyedIdempotencyHashes1763880000121';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM idempotency_keys WHERE request_hash NOT LIKE 'hmac1:%'`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the removed rows held hashes only.
  }
}
