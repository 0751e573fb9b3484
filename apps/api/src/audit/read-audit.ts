// The read audit: one append-only row per read of a case's personal data by a person, written BEFORE the data is
// returned (no row, no data). Auditors list it by case, user, period and break-glass, newest first.
// A break-glass reason is free text that may name the survivor or her circumstances: it is stored sealed with the
// case's data key (like the reason in the case's BreakGlassRead event) and opened only for an auditor's listing,
// so erasing the case makes it unreadable here too (the row itself stays: the audit is append-only).
import type { Pool } from 'pg';
import { z } from 'zod';
import { DataKeyErasedError, type CasePersonalData } from '@baoho/crypto';
import { HttpProblem } from '@baoho/http';
import { isStorableText } from '../http/storable-text';
import type { ScopedActor } from '../auth/scope';

/** Which part of a case was read: the case itself, or a break-glass reason about it in the audit. */
export type ReadPart = 'case' | 'audit_reason';
/** Why: the reader's ordinary work, oversight of the mission, an emergency read outside scope, or an audit. */
export type ReadPurpose = 'case_work' | 'oversight' | 'break_glass' | 'audit';

export interface ReadRecord {
  readonly actor: ScopedActor;
  readonly caseId: string;
  readonly caseMission: string;
  readonly part: ReadPart;
  readonly purpose: ReadPurpose;
  readonly breakGlass: boolean;
  readonly reason?: string;
}

export interface AuditEntry {
  readonly auditId: string;
  readonly readAt: string;
  readonly userId: string;
  readonly role: string;
  readonly missions: readonly string[];
  readonly caseId: string;
  readonly caseMission: string | null;
  readonly part: string;
  readonly purpose: string;
  readonly breakGlass: boolean;
  /** The break-glass reason, opened; null when there is none or when the case's personal data was erased. */
  readonly reason: string | null;
  /** The reason was recorded but is unreadable for good: the case's data key was destroyed (erasure). */
  readonly reasonErased: boolean;
}

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/);
export const auditQuerySchema = z.strictObject({
  caseId: id.optional(),
  userId: id.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  breakGlass: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

interface Row {
  audit_id: string;
  read_at: Date;
  user_id: string;
  role: string;
  missions: string[];
  case_id: string;
  case_mission: string | null;
  part: string;
  purpose: string;
  break_glass: boolean;
  reason: string | null;
}

export class ReadAudit {
  constructor(
    private readonly pool: Pool,
    private readonly personal: CasePersonalData,
  ) {}

  async record(entry: ReadRecord): Promise<void> {
    if (entry.reason !== undefined && !isStorableText(entry.reason)) throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', 'the reason cannot be stored');
    const reason = entry.reason === undefined ? null : await this.sealReason(entry.caseId, entry.reason);
    await this.pool.query(
      `INSERT INTO case_read_audit (user_id, role, missions, case_id, case_mission, part, purpose, break_glass, reason)
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9)`,
      [entry.actor.userId, entry.actor.role, [...(entry.actor.missions ?? [])], entry.caseId, entry.caseMission, entry.part, entry.purpose, entry.breakGlass, reason],
    );
  }

  /**
   * A page of the audit, newest first. A break-glass reason it opens is about a case's survivor, so the auditor's
   * reading of it is itself recorded (part `audit_reason`, one row per case), before the page is returned.
   */
  async list(query: AuditQuery, reader: ScopedActor): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (clause: string, value: unknown): void => {
      values.push(value);
      where.push(clause.replace('$ARG', `$${values.length}`));
    };
    if (query.caseId) add('case_id = $ARG', query.caseId);
    if (query.userId) add('user_id = $ARG', query.userId);
    if (query.from) add('read_at >= $ARG', new Date(query.from));
    if (query.to) add('read_at < $ARG', new Date(query.to));
    if (query.breakGlass !== undefined) add('break_glass = $ARG', query.breakGlass);
    if (query.cursor) add('audit_id < $ARG::bigint', query.cursor);
    values.push(query.limit);
    // ORDER BY the table's column: a bare `audit_id` would mean the text output column ('9' after '12')
    const { rows } = await this.pool.query<Row>(
      `SELECT audit_id::text AS audit_id, read_at, user_id, role, missions, case_id, case_mission, part, purpose, break_glass, reason
         FROM case_read_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY case_read_audit.audit_id DESC LIMIT $${values.length}`,
      values,
    );
    // One after another: rows of one case share its key, which the first opening caches for the rest.
    const items: AuditEntry[] = [];
    for (const row of rows) items.push(await this.toEntry(row));
    await this.recordReasonsRead(reader, items);
    return { items, nextCursor: rows.length === query.limit ? rows[rows.length - 1]!.audit_id : null };
  }

  private async recordReasonsRead(reader: ScopedActor, items: readonly AuditEntry[]): Promise<void> {
    const cases = new Map<string, string | null>();
    for (const item of items) if (item.reason !== null) cases.set(item.caseId, item.caseMission);
    if (cases.size === 0) return;
    await this.pool.query(
      `INSERT INTO case_read_audit (user_id, role, missions, case_id, case_mission, part, purpose, break_glass)
       SELECT $1, $2, $3::text[], c.case_id, c.case_mission, 'audit_reason', 'audit', false
         FROM unnest($4::text[], $5::text[]) AS c(case_id, case_mission)`,
      [reader.userId, reader.role, [...(reader.missions ?? [])], [...cases.keys()], [...cases.values()]],
    );
  }

  /** Sealed under the case's existing key (never a new one: an unknown case has nothing to audit). */
  private async sealReason(caseId: string, reason: string): Promise<string> {
    try {
      return await this.personal.seal(caseId, reason, undefined, false);
    } catch (error) {
      if (error instanceof DataKeyErasedError) {
        throw new HttpProblem(409, 'PERSONAL_DATA_ERASED', 'Personal data erased', 'the personal data of this case is erased');
      }
      throw error;
    }
  }

  private async toEntry(row: Row): Promise<AuditEntry> {
    // A reason written before sealing existed passes through as it is (CasePersonalData.open leaves plain text).
    const opened = row.reason === null ? null : await this.personal.open(row.case_id, row.reason);
    const reasonErased = opened?.erased ?? false;
    return {
      auditId: row.audit_id,
      readAt: row.read_at.toISOString(),
      userId: row.user_id,
      role: row.role,
      missions: row.missions,
      caseId: row.case_id,
      caseMission: row.case_mission,
      part: row.part,
      purpose: row.purpose,
      breakGlass: row.break_glass,
      reason: reasonErased || opened === null ? null : String(opened.value),
      reasonErased,
    };
  }
}
