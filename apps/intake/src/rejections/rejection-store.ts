// The rejection store: every refused hotline event, with its reason and its original bytes, until an operator
// replays a corrected version. PostgreSQL, so a rejection is as durable as a case. The bytes may hold a
// survivor's name and story, so they are sealed with a data key of their own (owner `rejection:<dedupe key>`);
// a refusal whose ids can be read is linked at once to the case they name, a replay links the rejection to the
// case it opened, and erasing either case destroys that key too.
import { createHmac } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@baoho/event-store';
import { caseKeyOwner, DataKeyErasedError, rejectionKeyOwner, type Keyring } from '@baoho/crypto';
import type { IHeaders } from 'kafkajs';
import { reportedCaseOf } from './reported-case';

export interface RejectionReasonRecord {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly { readonly path: string; readonly code: string }[];
}

export type RejectedInput =
  | {
      readonly via: 'kafka';
      readonly topic: string;
      readonly partition: number;
      readonly offset: string;
      readonly key: Buffer | null;
      readonly headers: IHeaders;
      readonly payload: Buffer | null;
    }
  | { readonly via: 'http'; readonly payload: Buffer };

/** A rejection as operators list it: no payload (that is read one at a time, on purpose). */
export interface RejectionSummary {
  readonly rejectionId: string;
  readonly receivedVia: 'kafka' | 'http';
  readonly origin: string | null;
  readonly reason: RejectionReasonRecord;
  readonly rejectedAt: string;
  readonly status: 'open' | 'replayed';
  readonly replayedCaseId: string | null;
}

export interface RejectionDetail extends RejectionSummary {
  /**
   * The refused bytes as UTF-8 text (lossy only for bytes that were not UTF-8, which is why they were refused);
   * null when there were none or when they were erased with their case (`erased`).
   */
  readonly payload: string | null;
  readonly erased: boolean;
}

interface Row {
  rejection_id: string;
  received_via: 'kafka' | 'http';
  kafka_topic: string | null;
  kafka_partition: number | null;
  kafka_offset: string | null;
  reason_code: string;
  reason_message: string;
  reason_issues: RejectionReasonRecord['issues'];
  rejected_at: Date;
  status: 'open' | 'replayed';
  replayed_case_id: string | null;
  payload?: Buffer | null;
  dedupe_key?: string;
}

const SUMMARY_COLUMNS = `rejection_id, received_via, kafka_topic, kafka_partition, kafka_offset, reason_code, reason_message,
  reason_issues, rejected_at, status, replayed_case_id`;

/**
 * Marks the keyed fingerprint of a body refused over HTTP. A plain SHA-256 of a survivor's report (written before
 * this prefix) could be confirmed by anyone who guesses the report; without the key this one confirms nothing.
 */
const HTTP_FINGERPRINT_PREFIX = 'http-hmac1:';

export class RejectionStore {
  private readonly fingerprintKey: Buffer;

  /** `secret`: the deployment's SEARCH_INDEX_KEY; the fingerprint key is derived from it (neither reveals the other). */
  constructor(
    private readonly pool: Pool,
    private readonly keyring: Keyring,
    secret: string,
  ) {
    this.fingerprintKey = createHmac('sha256', secret).update('baoho/rejection-body-fingerprint/v1').digest();
  }

  /** Stores a rejection once: a redelivery of the same message (or the same body over HTTP) is not a second row. */
  async record(input: RejectedInput, reason: RejectionReasonRecord): Promise<string> {
    const dedupeKey =
      input.via === 'kafka'
        ? `kafka:${input.topic}:${input.partition}:${input.offset}`
        : HTTP_FINGERPRINT_PREFIX + createHmac('sha256', this.fingerprintKey).update(input.payload).digest('hex');
    const owner = rejectionKeyOwner(dedupeKey);
    // base64 inside the seal: the bytes were refused, perhaps for not being UTF-8.
    const seal = async (bytes: Buffer): Promise<Buffer> => Buffer.from(await this.keyring.seal(owner, bytes.toString('base64')), 'utf8');
    const sealed = input.payload ? await seal(input.payload) : null;
    // The sender's key and headers are sealed too: the contract keys by eventId, but a sender may put a phone or a
    // name in either, and erasure must reach them with the payload. Kept for an investigation, read by nothing.
    const kafka = input.via === 'kafka' ? input : undefined;
    const sealedKey = kafka?.key ? await seal(kafka.key) : null;
    const sealedHeaders = kafka ? JSON.stringify(await this.keyring.seal(owner, headersAsText(kafka.headers))) : null;
    const reportedCaseId = reportedCaseOf(input.payload) ?? null;
    return inTransaction(this.pool, async (client) => {
      // The reported case's key row is locked first, as erasure locks it (destroyCaseKeys): either this row is
      // committed before erasure lists the case's rejections, or erasure went first and is seen just below.
      const reportedErased = reportedCaseId ? await lockCaseKey(client, reportedCaseId) : false;
      const { rows } = await client.query<{ rejection_id: string }>(
        `WITH inserted AS (
           INSERT INTO hotline_rejections (dedupe_key, received_via, kafka_topic, kafka_partition, kafka_offset, kafka_key,
                                           kafka_headers, payload, reason_code, reason_message, reason_issues, reported_case_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING rejection_id)
         SELECT rejection_id FROM inserted
         UNION ALL SELECT rejection_id FROM hotline_rejections WHERE dedupe_key = $1`,
        [
          dedupeKey,
          input.via,
          kafka?.topic ?? null,
          kafka?.partition ?? null,
          kafka?.offset ?? null,
          sealedKey,
          sealedHeaders,
          sealed,
          reason.code,
          reason.message,
          JSON.stringify(reason.issues ?? []),
          reportedCaseId,
        ],
      );
      // the report's case was erased already: its refused copy is unreadable from the moment it is stored
      if (reportedErased) await this.destroyKey(client, owner);
      return rows[0]!.rejection_id;
    });
  }

  /** Oldest first, `limit` at a time after the cursor (a rejection id). */
  async list(options: { status?: 'open' | 'replayed'; after?: string; limit: number }): Promise<RejectionSummary[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM hotline_rejections
        WHERE ($1::text IS NULL OR status = $1) AND rejection_id > $2
        ORDER BY rejection_id LIMIT $3`,
      [options.status ?? null, options.after ?? '0', options.limit],
    );
    return rows.map(toSummary);
  }

  async get(rejectionId: string): Promise<RejectionDetail | undefined> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${SUMMARY_COLUMNS}, payload, dedupe_key FROM hotline_rejections WHERE rejection_id = $1`,
      [rejectionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (!row.payload) return { ...toSummary(row), payload: null, erased: false };
    try {
      const opened = await this.keyring.open(rejectionKeyOwner(row.dedupe_key!), row.payload.toString('utf8'));
      return { ...toSummary(row), payload: Buffer.from(String(opened), 'base64').toString('utf8'), erased: false };
    } catch (error) {
      if (error instanceof DataKeyErasedError) return { ...toSummary(row), payload: null, erased: true };
      throw error;
    }
  }

  /**
   * Links the rejection to the case its replay opened. Erasure destroys the keys of the rejections linked to the
   * case; a replay that reaches a case erased already (the report's case was opened another way, then erased) is
   * linked after that, so its key is destroyed here, in the same transaction. Both lock the case's key row first
   * (destroyCaseKeys too), so an erasure running now either sees this link or is seen by it.
   */
  async markReplayed(rejectionId: string, caseId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      const erased = await lockCaseKey(client, caseId);
      const { rows: linked } = await client.query<{ dedupe_key: string }>(
        `UPDATE hotline_rejections SET status = 'replayed', replayed_at = now(), replayed_case_id = $2 WHERE rejection_id = $1
         RETURNING dedupe_key`,
        [rejectionId, caseId],
      );
      if (erased && linked[0]) await this.destroyKey(client, rejectionKeyOwner(linked[0].dedupe_key));
    });
  }

  private async destroyKey(client: PoolClient, owner: string): Promise<void> {
    await client.query(
      `UPDATE data_keys SET master_key_id = NULL, wrapped_key = NULL, destroyed_at = COALESCE(destroyed_at, now()) WHERE owner = $1`,
      [owner],
    );
    this.keyring.forget(owner);
  }
}

/**
 * Locks the case's key row, as erasure does (destroyCaseKeys), so a link made here and an erasure running now see
 * each other; true when the case's key is destroyed already (no row: a case never opened, nothing to lock).
 */
async function lockCaseKey(client: PoolClient, caseId: string): Promise<boolean> {
  const { rows } = await client.query<{ destroyed: boolean }>(
    `SELECT destroyed_at IS NOT NULL AS destroyed FROM data_keys WHERE owner = $1 FOR UPDATE`,
    [caseKeyOwner(caseId)],
  );
  return rows[0]?.destroyed ?? false;
}

function toSummary(row: Row): RejectionSummary {
  return {
    rejectionId: row.rejection_id,
    receivedVia: row.received_via,
    origin: row.kafka_topic === null ? null : `${row.kafka_topic}/${row.kafka_partition}@${row.kafka_offset}`,
    reason: { code: row.reason_code, message: row.reason_message, ...(row.reason_issues?.length ? { issues: row.reason_issues } : {}) },
    rejectedAt: row.rejected_at.toISOString(),
    status: row.status,
    replayedCaseId: row.replayed_case_id,
  };
}

function headersAsText(headers: IHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return out;
}
