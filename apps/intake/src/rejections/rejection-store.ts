// The rejection store: every refused hotline event, with its reason and its original bytes, until an operator
// replays a corrected version. PostgreSQL, so a rejection is as durable as a case. The bytes may hold a
// survivor's name and story, so they are sealed with a data key of their own (owner `rejection:<dedupe key>`);
// a replay links the rejection to its case, and erasing the case destroys that key too.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataKeyErasedError, rejectionKeyOwner, type Keyring } from '@baoho/crypto';
import type { IHeaders } from 'kafkajs';

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

export class RejectionStore {
  constructor(
    private readonly pool: Pool,
    private readonly keyring: Keyring,
  ) {}

  /** Stores a rejection once: a redelivery of the same message (or the same body over HTTP) is not a second row. */
  async record(input: RejectedInput, reason: RejectionReasonRecord): Promise<string> {
    const dedupeKey =
      input.via === 'kafka'
        ? `kafka:${input.topic}:${input.partition}:${input.offset}`
        : `http:${createHash('sha256').update(input.payload).digest('hex')}`;
    const kafka = input.via === 'kafka' ? input : undefined;
    // base64 inside the seal: the bytes were refused, perhaps for not being UTF-8.
    const sealed = input.payload
      ? Buffer.from(await this.keyring.seal(rejectionKeyOwner(dedupeKey), input.payload.toString('base64')), 'utf8')
      : null;
    const { rows } = await this.pool.query<{ rejection_id: string }>(
      `WITH inserted AS (
         INSERT INTO hotline_rejections (dedupe_key, received_via, kafka_topic, kafka_partition, kafka_offset, kafka_key,
                                         kafka_headers, payload, reason_code, reason_message, reason_issues)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
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
        kafka?.key ?? null,
        kafka ? JSON.stringify(headersAsText(kafka.headers)) : null,
        sealed,
        reason.code,
        reason.message,
        JSON.stringify(reason.issues ?? []),
      ],
    );
    return rows[0]!.rejection_id;
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

  async markReplayed(rejectionId: string, caseId: string): Promise<void> {
    await this.pool.query(
      `UPDATE hotline_rejections SET status = 'replayed', replayed_at = now(), replayed_case_id = $2 WHERE rejection_id = $1`,
      [rejectionId, caseId],
    );
  }
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
