// The worklists, straight from the inline read model (case_summary): never behind the log, codes and times only.
// Ordered by the nearest deadline (cases with none last), then case id, with keyset pagination on that order.
import type { Pool } from 'pg';
import { z } from 'zod';
import { PROTECTION_CATEGORIES, RISK_LEVELS, STAGES, toIso } from '@baoho/domain';
import { scopeClauses, type CaseScope } from '../auth/scope';
import { isStorableText } from '../http/storable-text';
import { caseHeadline, type CaseHeadline, type CaseHeadlineRow } from './case-headline';
import { decodeCursor, encodeCursor } from './cursor';
import { PageBody, type ListPage } from '../lists/page-body';

export interface WorklistRow extends CaseHeadline {
  readonly escalationLevel: number;
  readonly nextDueAt: string | null;
  readonly overdue: boolean;
  readonly lastActivityAt: string;
  readonly categories: readonly string[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const missionListQuerySchema = z.strictObject({
  mission: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  stage: z.enum(STAGES).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  category: z.enum(PROTECTION_CATEGORIES).optional(),
  status: z.enum(['open', 'closure_requested', 'closed']).optional(),
  overdue: flag.optional(),
  escalated: flag.optional(),
  /** false: no assignee yet (the supervisor's queue to assign); true: assigned. */
  assigned: flag.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MissionListQuery = z.output<typeof missionListQuerySchema>;

export const myCasesQuerySchema = z.strictObject({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

interface Row extends CaseHeadlineRow {
  escalation_level: number;
  next_due_at: Date | null;
  last_activity_at: Date;
  categories: string[];
}

// What the cursor's encodeCursor wrote: an ISO instant, parsed back to the same one.
const isInstant = (value: string): boolean => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) && new Date(value).toISOString() === value;

// 'infinity' stands in for "no deadline" so the order is total and the keyset comparison works on one type.
const DUE_KEY = `coalesce(next_due_at, 'infinity'::timestamptz)`;

export class WorklistQuery {
  constructor(
    private readonly pool: Pool,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A caseworker's open cases (not closed), nearest deadline first. */
  mine(assignee: string, cursor: string | undefined, limit: number, scope: CaseScope = { kind: 'all' }): Promise<Page<WorklistRow>> {
    const scoped = scopeClauses(scope);
    return this.page(['assignee = $ARG', `status <> 'closed'`, ...scoped.map(([clause]) => clause)], [assignee, ...scoped.map(([, value]) => value)], cursor, limit);
  }

  /** The cases in `scope` (the caller's: see auth/scope.ts), filtered as asked. */
  async mission(query: MissionListQuery, scope: CaseScope = { kind: 'all' }): Promise<Page<WorklistRow>> {
    const { page } = await this.missionPage(query, scope);
    return page;
  }

  /**
   * The same page serialised once, with the first instant its answer may change without a write: an item's
   * `overdue` turns true the millisecond after its due time (so does its membership of `overdue=false`). The last,
   * partial page of `overdue=true` may also gain a case whose due time passes: it is not kept at all (expiresAt now).
   */
  async missionPage(query: MissionListQuery, scope: CaseScope = { kind: 'all' }): Promise<{ page: Page<WorklistRow>; listPage: ListPage }> {
    const now = this.clock();
    const page = await this.filtered(query, scope, now);
    let expiresAt = query.overdue === true && page.nextCursor === null ? now : Infinity;
    for (const item of page.items) {
      if (!item.overdue && item.nextDueAt !== null) expiresAt = Math.min(expiresAt, Date.parse(item.nextDueAt) + 1);
    }
    return { page, listPage: { body: PageBody.json(page), computedAt: now, expiresAt } };
  }

  private filtered(query: MissionListQuery, scope: CaseScope, now: number): Promise<Page<WorklistRow>> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (clause: string, value: unknown): void => {
      where.push(clause);
      args.push(value);
    };
    for (const [clause, value] of scopeClauses(scope)) add(clause, value);
    if (query.mission) add('mission = $ARG', query.mission);
    if (query.stage) add('stage = $ARG', query.stage);
    if (query.risk) add('risk_level = $ARG', query.risk);
    if (query.status) add('status = $ARG', query.status);
    if (query.category) add('$ARG = ANY(categories)', query.category);
    if (query.overdue !== undefined) add(query.overdue ? 'next_due_at < $ARG' : '(next_due_at IS NULL OR next_due_at >= $ARG)', new Date(now));
    if (query.escalated !== undefined) where.push(query.escalated ? 'escalation_level > 0' : 'escalation_level = 0');
    if (query.assigned !== undefined) where.push(query.assigned ? 'assignee IS NOT NULL' : 'assignee IS NULL');
    return this.page(where, args, query.cursor, query.limit, now);
  }

  private async page(where: string[], args: unknown[], cursor: string | undefined, limit: number, now = this.clock()): Promise<Page<WorklistRow>> {
    const values = [...args];
    let n = 0;
    const clauses = where.map((clause) => clause.replace('$ARG', () => `$${++n}`));
    const after = decodeCursor(cursor, 2, ([due, caseId]) => (due === null || isInstant(due)) && typeof caseId === 'string' && isStorableText(caseId));
    if (after) {
      values.push(after[0] ?? 'infinity', after[1]);
      clauses.push(`(${DUE_KEY}, case_id) > ($${values.length - 1}::timestamptz, $${values.length}::text)`);
    }
    values.push(limit);
    const { rows } = await this.pool.query<Row>(
      `SELECT case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at, last_activity_at, categories
         FROM case_summary ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY ${DUE_KEY}, case_id LIMIT $${values.length}`,
      values,
    );
    const items = rows.map((row) => ({
      ...caseHeadline(row),
      escalationLevel: row.escalation_level,
      nextDueAt: row.next_due_at ? toIso(row.next_due_at.getTime()) : null,
      overdue: row.next_due_at !== null && row.next_due_at.getTime() < now,
      lastActivityAt: toIso(row.last_activity_at.getTime()),
      categories: row.categories,
    }));
    const last = rows[rows.length - 1];
    return {
      items,
      nextCursor: rows.length === limit && last ? encodeCursor([last.next_due_at ? toIso(last.next_due_at.getTime()) : null, last.case_id]) : null,
    };
  }
}
