// Idempotency-Key on every POST: the same key and body get the same response (stored), the same key with another
// body is a 422. The key also derives the command id, so two identical requests racing each other reach the
// workflow as one update (Temporal answers a repeated update id with the first result).
// The stored fingerprint of a body is a keyed hash (HMAC-SHA-256 under a key derived from SEARCH_INDEX_KEY): bodies
// carry names, phones and notes, and a plain hash of a short value is found by hashing guesses.
import { createHash, createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import { HttpProblem } from '@baoho/http';

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** Marks a keyed fingerprint (migration 1763880000121 removed the plain SHA-256 rows written before). */
const HMAC_PREFIX = 'hmac1:';

export class IdempotencyService {
  private readonly hashKey: Buffer;

  /** `secret`: the API's SEARCH_INDEX_KEY; the fingerprint key is derived from it, so neither hash reveals the other. */
  constructor(
    private readonly pool: Pool,
    secret: string,
  ) {
    this.hashKey = createHmac('sha256', secret).update('baoho/idempotency-request-hash/v1').digest();
  }

  /** The command id a key stands for: stable per (user, key), never the key itself. */
  static commandId(userId: string, key: string): string {
    return `api-${createHash('sha256').update(`${userId}\n${key}`).digest('hex').slice(0, 32)}`;
  }

  static requireKey(key: string | undefined): string {
    if (key === undefined) {
      throw new HttpProblem(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key required', 'every POST carries an Idempotency-Key header');
    }
    if (!KEY_PATTERN.test(key)) {
      throw new HttpProblem(400, 'INVALID_IDEMPOTENCY_KEY', 'Invalid Idempotency-Key', '8–128 characters of A–Z a–z 0–9 . _ : -');
    }
    return key;
  }

  /**
   * Runs `work` once per (user, key): a repeat with the same request gets the stored response (or, while the
   * first is still running, runs again — safe, the command id is the same); another request under the key is a 422.
   * Problems are stored too (a refusal stays a refusal), except 5xx, which the client is told to retry.
   */
  async run(userId: string, key: string, request: unknown, work: () => Promise<StoredResponse>): Promise<StoredResponse> {
    const requestHash = HMAC_PREFIX + createHmac('sha256', this.hashKey).update(JSON.stringify(request)).digest('hex');
    const { rows } = await this.pool.query<{ request_hash: string; response_status: number | null; response_body: unknown }>(
      `WITH inserted AS (
         INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING request_hash, response_status, response_body)
       SELECT * FROM inserted
       UNION ALL SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND idempotency_key = $2
       LIMIT 1`,
      [userId, key, requestHash],
    );
    const prior = rows[0]!;
    if (prior.request_hash !== requestHash) {
      throw new HttpProblem(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key reused', 'this key was used for a different request');
    }
    if (prior.response_status !== null) return { status: prior.response_status, body: prior.response_body };

    let response: StoredResponse;
    try {
      response = await work();
    } catch (error) {
      if (error instanceof HttpProblem && error.status < 500) await this.save(userId, key, { status: error.status, body: error.toBody() });
      throw error;
    }
    await this.save(userId, key, response);
    return response;
  }

  private async save(userId: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE user_id = $1 AND idempotency_key = $2`,
      [userId, key, response.status, JSON.stringify(response.body)],
    );
  }
}

