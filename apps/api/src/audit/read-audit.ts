// The read audit: one append-only row per read of a case's personal data by a person, written BEFORE the data is
// returned (no row, no data). Auditors list it by case, user, period and break-glass, newest first.
import type { Pool } from 'pg';
import { z } from 'zod';
import { HttpProblem } from '@baoho/http';
import { isStorableText } from '../http/storable-text';
import type { ScopedActor } from '../auth/scope';

/** Which part of a case was read. */
export type ReadPart = 'case';
/** Why: the reader's ordinary work, oversight of the mission, or an emergency read outside scope. */
export type ReadPurpose = 'case_work' | 'oversight' | 'break_glass';

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
  readonly reason: string | null;
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
  constructor(private readonly pool: Pool) {}

  async record(entry: ReadRecord): Promise<void> {
    if (entry.reason !== undefined && !isStorableText(entry.reason)) throw new HttpProblem(400, 'INVALID_INPUT', 'Invalid input', 'the reason cannot be stored');
    await this.pool.query(
      `INSERT INTO case_read_audit (user_id, role, missions, case_id, case_mission, part, purpose, break_glass, reason)
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $9)`,
      [entry.actor.userId, entry.actor.role, [...(entry.actor.missions ?? [])], entry.caseId, entry.caseMission, entry.part, entry.purpose, entry.breakGlass, entry.reason ?? null],
    );
  }

  async list(query: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
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
    const { rows } = await this.pool.query<Row>(
      `SELECT audit_id::text AS audit_id, read_at, user_id, role, missions, case_id, case_mission, part, purpose, break_glass, reason
         FROM case_read_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY audit_id DESC LIMIT $${values.length}`,
      values,
    );
    const items = rows.map((row) => ({
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
      reason: row.reason,
    }));
    return { items, nextCursor: rows.length === query.limit ? rows[rows.length - 1]!.audit_id : null };
  }
}
