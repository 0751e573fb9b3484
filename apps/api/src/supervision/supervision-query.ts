// The supervisors' lists, straight from the inline read models (case_summary, open_deadlines): codes and times only.
// Each list selects on indexed columns (migration AddSupervisionColumns1763880000007) and pages with a keyset
// cursor on its sort order, like the worklists. Whether a case is stuck depends on the time, so it is decided here,
// at query time, without folding any state: `stuck_at` (the first instant the domain calls the case stuck, kept by
// the projection) is compared with now in SQL, and each row's reasons are its kept `stuck_triggers` whose instant
// has come (the domain's `stuckReasonsAt`, which agrees with `stuckReasons` at every instant).
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  HOUR,
  RISK_LEVELS,
  protocolFor,
  stuckReasons,
  stuckReasonClock,
  stuckReasonsAt,
  toIso,
  type CaseState,
  type StuckReason,
  type StuckTrigger,
} from '@baoho/domain';
import { HttpProblem } from '@baoho/http';
import { missionClause } from '../auth/scope';
import { decodeCursor, encodeCursor } from '../worklists/cursor';
import type { Page } from '../worklists/worklist-query';
import type { CaseHeadline, CaseHeadlineRow } from '../worklists/case-headline';
import { PageBody, type ListPage, type PageBodyWriter } from '../lists/page-body';

const mission = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional();
const cursor = z.string().max(400).optional();
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const supervisionListQuerySchema = z.strictObject({ mission, cursor, limit });
/** A list query with the missions the caller may see (null: every mission), from `missionFilter`. */
export type ScopedListQuery = SupervisionListQuery & { readonly missions?: readonly string[] | null };
/** The missions a list covers: the caller's scope when given, else the one asked for, else every mission (null). */
const missionsOf = (query: ScopedListQuery): string[] | null =>
  query.missions !== undefined ? (query.missions === null ? null : [...query.missions]) : query.mission ? [query.mission] : null;
export type SupervisionListQuery = z.output<typeof supervisionListQuerySchema>;

export interface StuckCaseReason {
  readonly code: StuckReason['kind'];
  readonly item?: string;
  readonly level?: number;
  readonly since: string;
}

export interface StuckCase extends CaseHeadline {
  readonly escalationLevel: number;
  /** When the case became stuck (the first instant the domain's rules call it stuck). */
  readonly stuckSince: string;
  readonly stuckForMs: number;
  readonly reasons: readonly StuckCaseReason[];
}

export interface EscalationItem {
  readonly caseId: string;
  readonly item: string;
  readonly kind: string;
  readonly party: string;
  readonly mission: string;
  readonly risk: string;
  readonly assignee: string | null;
  readonly level: number;
  readonly acknowledgedLevel: number;
  readonly escalatedAt: string;
  readonly dueAt: string;
  readonly unacknowledgedForMs: number;
}

export interface CaseworkerWorkload {
  readonly assignee: string;
  readonly open: number;
  readonly byRisk: Readonly<Record<(typeof RISK_LEVELS)[number], number>>;
  readonly overdue: number;
  readonly escalated: number;
}

export interface PendingClosure {
  readonly caseId: string;
  readonly mission: string;
  readonly risk: string;
  readonly assignee: string | null;
  readonly reason: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly waitingMs: number;
  /** Waiting longer than the protocol allows (a stuck reason). */
  readonly overdue: boolean;
}

const invalidCursor = (): HttpProblem =>
  new HttpProblem(400, 'INVALID_CURSOR', 'Invalid cursor', 'pass the nextCursor of a previous page unchanged', {
    issues: [{ path: 'cursor', code: 'invalid' }],
  });

const isInstant = (value: string | null): value is string => value !== null && !Number.isNaN(Date.parse(value));
const isCount = (value: string | null): value is string => value !== null && /^\d{1,4}$/.test(value);

/** A cursor of this list's key, checked part by part (a tampered value is a 400, never a failed query). */
function keyOf(value: string | undefined, checks: ReadonlyArray<(part: string | null) => boolean>): string[] | undefined {
  const key = decodeCursor(value, checks.length);
  if (!key) return undefined;
  if (!key.every((part, i) => checks[i]!(part))) throw invalidCursor();
  return key as string[];
}
const isText = (value: string | null): boolean => value !== null;

/**
 * The part of the folded state `stuckReasons` reads (status, protocol, items, pauses, last activity, risk, closure):
 * read only for a row the projection has not yet given its `stuck_triggers` (written before migration
 * AddStuckTriggers1763880000050, until a rebuild).
 */
const STUCK_STATE = `jsonb_build_object('status', state->'status', 'protocolVersion', state->'protocolVersion',
  'items', state->'items', 'pauses', state->'pauses', 'lastActivityAt', state->'lastActivityAt', 'risk', state->'risk',
  'closure', state->'closure')`;

/** A query's WHERE clauses and their values: each `$ARG` in a clause becomes the next numbered parameter. */
class Sql {
  readonly where: string[] = [];
  readonly values: unknown[] = [];
  add(clause: string, ...args: unknown[]): void {
    this.where.push(clause.replace(/\$ARG/g, () => this.arg(args.shift())));
  }
  arg(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  get whereClause(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}

interface StuckRow extends CaseHeadlineRow {
  escalation_level: number;
  severity: number;
  stuck_at: Date;
  stuck_triggers: StuckTrigger[] | null;
}

/** A page of the stuck list: its SQL and values (the bench runs the same SQL bare). */
export function stuckPageSql(now: Date, missions: readonly string[] | null, after: readonly string[] | undefined, limit: number): { text: string; values: unknown[] } {
  const sql = new Sql();
  sql.add('stuck_at <= $ARG', now);
  if (missions) sql.add(...missionClause(missions));
  if (after) sql.add('(severity, stuck_at, case_id) > ($ARG::smallint, $ARG::timestamptz, $ARG::text)', ...after);
  return {
    text: `SELECT case_id, mission, stage, status, risk_level, assignee, escalation_level, severity, stuck_at, stuck_triggers
             FROM case_summary ${sql.whereClause}
            ORDER BY severity, stuck_at, case_id LIMIT ${sql.arg(limit)}`,
    values: sql.values,
  };
}

export class SupervisionQuery {
  constructor(
    private readonly pool: Pool,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Stuck cases, most severe first: critical before high before standard risk, a higher escalation level first
   * (`severity`), then the longest stuck, then case id. One page is read in that order from the index
   * case_summary_stuck (`stuck_at <= now`), with each case's kept triggers; its reasons are those whose instant
   * has come. A row without triggers (written before they were kept) is decided by `stuckReasons` over its state.
   */
  async stuck(query: ScopedListQuery): Promise<Page<StuckCase>> {
    return parsePage<Page<StuckCase>>(await this.stuckPage(query, false));
  }

  /**
   * The same page as JSON text with its clock-driven values left as holes (stuckForMs; a `since` that moves with the
   * clock), and — when `withExpiry` (a cache will keep it) — the first instant it may change without any write:
   * a reason of a row on it starting to hold, or a case becoming stuck that would sort into it (`nextStuckAt`).
   */
  async stuckPage(query: ScopedListQuery, withExpiry: boolean): Promise<ListPage> {
    const now = this.clock();
    const after = keyOf(query.cursor, [isCount, isInstant, isText]);
    const missions = missionsOf(query);
    const { rows } = await this.pool.query<StuckRow>(stuckPageSql(new Date(now), missions, after, query.limit));
    const full = rows.length === query.limit;
    const last = rows[rows.length - 1];
    const [legacy, entering] = await Promise.all([
      this.legacyStates(rows),
      withExpiry ? this.nextStuckAt(now, missions, after ? Number(after[0]) : 0, full && last ? last.severity - 1 : null) : Infinity,
    ]);
    let expiresAt = entering;
    const body = PageBody.writer().raw('{"items":[');
    let first = true;
    for (const row of rows) {
      const state = legacy.get(row.case_id);
      let reasons: StuckReason[];
      let moving: Array<number | null>;
      if (row.stuck_triggers) {
        reasons = stuckReasonsAt(row.stuck_triggers, now);
        const clock = stuckReasonClock(row.stuck_triggers, now);
        moving = clock.moving;
        expiresAt = Math.min(expiresAt, clock.changesAt);
      } else {
        // A row from before the triggers were kept: its reasons are not followed in time, so the page is not kept.
        reasons = state ? stuckReasons(state, now) : [];
        moving = reasons.map(() => null);
        expiresAt = now;
      }
      // Never empty once stuck_at has come (being stuck only grows with time while no event comes); kept as a guard.
      if (reasons.length === 0) continue;
      if (!first) body.raw(',');
      first = false;
      writeStuckCase(body, row, reasons, moving);
    }
    const nextCursor = full && last ? encodeCursor([String(last.severity), toIso(last.stuck_at.getTime()), last.case_id]) : null;
    body.raw(`],"nextCursor":${JSON.stringify(nextCursor)}}`);
    return { body: body.done(), computedAt: now, expiresAt };
  }

  /**
   * The first instant after `now` at which a case of `missions` not yet stuck becomes stuck and sorts into the page:
   * after the cursor (severity ≥ `fromSeverity`: a newcomer is stuck since later than every row already listed, so
   * within its severity it sorts after them) and, on a full page, before its last row (severity ≤ `toSeverity`).
   * Infinity when none would. On a full page each severity is one probe of index case_summary_stuck(_all).
   */
  private async nextStuckAt(now: number, missions: readonly string[] | null, fromSeverity: number, toSeverity: number | null): Promise<number> {
    if (missions?.length === 0 || (toSeverity !== null && toSeverity < fromSeverity)) return Infinity;
    const values: unknown[] = [new Date(now), fromSeverity];
    let text: string;
    if (toSeverity !== null) {
      values.push(toSeverity);
      const byMission = missions === null ? '' : missions.length === 1 ? 'AND c.mission = $4' : 'AND c.mission = m.mission';
      if (missions) values.push(missions.length === 1 ? missions[0] : [...missions]);
      text = `SELECT min(n.stuck_at) AS next FROM generate_series($2::int, $3::int) AS s(severity)
                ${missions && missions.length > 1 ? 'CROSS JOIN unnest($4::text[]) AS m(mission)' : ''}
                CROSS JOIN LATERAL (SELECT c.stuck_at FROM case_summary c
                                     WHERE c.severity = s.severity AND c.stuck_at > $1 ${byMission}
                                     ORDER BY c.stuck_at LIMIT 1) n`;
    } else {
      const sql = new Sql();
      sql.add('stuck_at > $ARG', values[0]);
      sql.add('severity >= $ARG', fromSeverity);
      if (missions) sql.add(...missionClause(missions));
      values.length = 0;
      values.push(...sql.values);
      text = `SELECT min(stuck_at) AS next FROM case_summary ${sql.whereClause}`;
    }
    const { rows } = await this.pool.query<{ next: Date | null }>(text, values);
    return rows[0]?.next ? rows[0].next.getTime() : Infinity;
  }

  /** The stuck-relevant state of the rows that have no kept triggers yet (none once the projection has run). */
  private async legacyStates(rows: readonly StuckRow[]): Promise<Map<string, CaseState>> {
    const ids = rows.filter((row) => row.stuck_triggers === null).map((row) => row.case_id);
    if (ids.length === 0) return new Map();
    const { rows: states } = await this.pool.query<{ case_id: string; state: CaseState }>(
      `SELECT case_id, ${STUCK_STATE} AS state FROM case_summary WHERE case_id = ANY($1::text[])`,
      [ids],
    );
    return new Map(states.map((row) => [row.case_id, row.state]));
  }

  /**
   * Escalated steps and tasks nobody has acknowledged: highest level first, then the longest unacknowledged. The
   * escalated deadlines come from open_deadlines (index open_deadlines_escalated); the level acknowledged and the
   * instant the level was due are the item's, in the case's folded state.
   */
  async escalations(query: ScopedListQuery): Promise<Page<EscalationItem>> {
    return parsePage<Page<EscalationItem>>(await this.escalationsPage(query));
  }

  /** The escalations page as JSON text, unacknowledgedForMs a hole; only a write changes which items it has. */
  async escalationsPage(query: ScopedListQuery): Promise<ListPage> {
    const now = this.clock();
    const after = keyOf(query.cursor, [isCount, isInstant, isText, isText]);
    const sql = new Sql();
    sql.add('d.escalation_level > 0');
    const missions = missionsOf(query);
    if (missions) sql.add(...missionClause(missions, 'd.'));
    const { rows } = await this.pool.query<{
      case_id: string; item: string; kind: string; party: string; mission: string; risk_level: string; assignee: string | null;
      escalation_level: number; acknowledged_level: number; escalated_at: Date; due_at: Date;
    }>(
      `SELECT * FROM (
         SELECT d.case_id, d.item, d.kind, d.party, d.mission, c.risk_level, c.assignee, d.escalation_level, d.due_at,
                coalesce((c.state->'items'->d.item->>'acknowledgedLevel')::int, 0) AS acknowledged_level,
                coalesce(to_timestamp((c.state->'items'->d.item->>'escalatedAt')::bigint / 1000.0), d.due_at) AS escalated_at
           FROM open_deadlines d JOIN case_summary c USING (case_id)
           ${sql.whereClause}
       ) e
       WHERE e.escalation_level > e.acknowledged_level
       ${after ? `AND (e.escalation_level < ${sql.arg(Number(after[0]))} OR (e.escalation_level = ${sql.arg(Number(after[0]))}
                  AND (e.escalated_at, e.case_id, e.item) > (${sql.arg(after[1])}::timestamptz, ${sql.arg(after[2])}::text, ${sql.arg(after[3])}::text)))` : ''}
       ORDER BY e.escalation_level DESC, e.escalated_at, e.case_id, e.item LIMIT ${sql.arg(query.limit)}`,
      sql.values,
    );
    const body = PageBody.writer().raw('{"items":[');
    let expiresAt = Infinity;
    rows.forEach((row, i) => {
      const escalatedAt = row.escalated_at.getTime();
      const item: Omit<EscalationItem, 'unacknowledgedForMs'> = {
        caseId: row.case_id,
        item: row.item,
        kind: row.kind,
        party: row.party,
        mission: row.mission,
        risk: row.risk_level,
        assignee: row.assignee,
        level: row.escalation_level,
        acknowledgedLevel: row.acknowledged_level,
        escalatedAt: row.escalated_at.toISOString(),
        dueAt: row.due_at.toISOString(),
      };
      body.raw(`${i > 0 ? ',' : ''}${JSON.stringify(item).slice(0, -1)},"unacknowledgedForMs":`);
      // max(0, now − escalatedAt): 0 until the instant after escalatedAt, then moving with the clock.
      if (escalatedAt >= now) {
        body.raw('0');
        expiresAt = Math.min(expiresAt, escalatedAt + 1);
      } else body.elapsedSince(escalatedAt);
      body.raw('}');
    });
    const lastRow = rows[rows.length - 1];
    const nextCursor =
      rows.length === query.limit && lastRow
        ? encodeCursor([String(lastRow.escalation_level), lastRow.escalated_at.toISOString(), lastRow.case_id, lastRow.item])
        : null;
    body.raw(`],"nextCursor":${JSON.stringify(nextCursor)}}`);
    return { body: body.done(), computedAt: now, expiresAt };
  }

  /**
   * Open cases (not closed) per caseworker, by assignee id: counts by risk, overdue (the nearest deadline is past)
   * and escalated. `unassigned` counts the open cases nobody holds yet (the same on every page).
   */
  async workload(query: ScopedListQuery): Promise<Page<CaseworkerWorkload> & { readonly unassigned: number }> {
    return parsePage<Page<CaseworkerWorkload> & { readonly unassigned: number }>(await this.workloadPage(query));
  }

  /** The workload page; it expires the instant after the nearest deadline not yet past of a case it counts. */
  async workloadPage(query: ScopedListQuery): Promise<ListPage> {
    const after = keyOf(query.cursor, [isText]);
    const sql = new Sql();
    sql.add(`status <> 'closed'`);
    const missions = missionsOf(query);
    if (missions) sql.add(...missionClause(missions));
    const unassignedSql = `SELECT count(*)::int AS n FROM case_summary ${sql.whereClause} AND assignee IS NULL`;
    const unassignedArgs = [...sql.values];
    sql.add('assignee IS NOT NULL');
    if (after) sql.add('assignee > $ARG', after[0]);
    const at = this.clock();
    const now = sql.arg(new Date(at));
    const byRisk = RISK_LEVELS.map((risk) => `count(*) FILTER (WHERE risk_level = ${sql.arg(risk)})::int AS "${risk}"`).join(', ');
    const [{ rows }, unassigned] = await Promise.all([
      this.pool.query<Record<string, number> & { assignee: string; open: number; overdue: number; escalated: number; next_overdue_at: Date | null }>(
        `SELECT assignee, count(*)::int AS open, ${byRisk},
                count(*) FILTER (WHERE next_due_at < ${now})::int AS overdue,
                min(next_due_at) FILTER (WHERE next_due_at >= ${now}) AS next_overdue_at,
                count(*) FILTER (WHERE escalation_level > 0)::int AS escalated
           FROM case_summary ${sql.whereClause}
          GROUP BY assignee ORDER BY assignee LIMIT ${sql.arg(query.limit)}`,
        sql.values,
      ),
      this.pool.query<{ n: number }>(unassignedSql, unassignedArgs),
    ]);
    const items = rows.map((row) => ({
      assignee: row.assignee,
      open: row.open,
      byRisk: Object.fromEntries(RISK_LEVELS.map((risk) => [risk, row[risk] ?? 0])) as CaseworkerWorkload['byRisk'],
      overdue: row.overdue,
      escalated: row.escalated,
    }));
    const lastRow = rows[rows.length - 1];
    const page = {
      items,
      nextCursor: rows.length === query.limit && lastRow ? encodeCursor([lastRow.assignee]) : null,
      unassigned: unassigned.rows[0]?.n ?? 0,
    };
    // A deadline counts as overdue from the millisecond after it (next_due_at < now).
    const expiresAt = Math.min(Infinity, ...rows.map((row) => (row.next_overdue_at ? row.next_overdue_at.getTime() + 1 : Infinity)));
    return { body: PageBody.json(page), computedAt: at, expiresAt };
  }

  /** Closures waiting for a supervisor's approval, oldest request first. */
  async pendingClosures(query: ScopedListQuery): Promise<Page<PendingClosure>> {
    return parsePage<Page<PendingClosure>>(await this.pendingClosuresPage(query));
  }

  /** The pending closures page, waitingMs a hole; it expires when a request it lists starts to be overdue. */
  async pendingClosuresPage(query: ScopedListQuery): Promise<ListPage> {
    const now = this.clock();
    const after = keyOf(query.cursor, [isInstant, isText]);
    const sql = new Sql();
    sql.add(`status = 'closure_requested'`);
    const missions = missionsOf(query);
    if (missions) sql.add(...missionClause(missions));
    if (after) sql.add('(closure_requested_at, case_id) > ($ARG::timestamptz, $ARG::text)', ...after);
    const { rows } = await this.pool.query<{
      case_id: string; mission: string; risk_level: string; assignee: string | null; closure_requested_at: Date;
      reason: string; requested_by: string; protocol_version: string;
    }>(
      `SELECT case_id, mission, risk_level, assignee, closure_requested_at, state->'closure'->>'reason' AS reason,
              state->'closure'->>'requestedBy' AS requested_by, state->>'protocolVersion' AS protocol_version
         FROM case_summary ${sql.whereClause}
        ORDER BY closure_requested_at, case_id LIMIT ${sql.arg(query.limit)}`,
      sql.values,
    );
    const body = PageBody.writer().raw('{"items":[');
    let expiresAt = Infinity;
    rows.forEach((row, i) => {
      const requestedAt = row.closure_requested_at.getTime();
      // Overdue once waiting longer than the protocol allows: from the millisecond after requestedAt + those hours.
      const overdueFrom = requestedAt + protocolFor(row.protocol_version).stuck.closureAwaitingApprovalHours * HOUR + 1;
      const overdue = now >= overdueFrom;
      if (!overdue) expiresAt = Math.min(expiresAt, overdueFrom);
      const head: Omit<PendingClosure, 'waitingMs' | 'overdue'> = {
        caseId: row.case_id,
        mission: row.mission,
        risk: row.risk_level,
        assignee: row.assignee,
        reason: row.reason,
        requestedBy: row.requested_by,
        requestedAt: row.closure_requested_at.toISOString(),
      };
      body.raw(`${i > 0 ? ',' : ''}${JSON.stringify(head).slice(0, -1)},"waitingMs":`).elapsedSince(requestedAt).raw(`,"overdue":${overdue}}`);
    });
    const lastRow = rows[rows.length - 1];
    const nextCursor = rows.length === query.limit && lastRow ? encodeCursor([lastRow.closure_requested_at.toISOString(), lastRow.case_id]) : null;
    body.raw(`],"nextCursor":${JSON.stringify(nextCursor)}}`);
    return { body: body.done(), computedAt: now, expiresAt };
  }
}

/** The page an uncached caller gets as objects: the body rendered at the instant it was computed. */
const parsePage = <T>(page: ListPage): T => JSON.parse(page.body.render(page.computedAt).bytes.toString('utf8')) as T;

const str = JSON.stringify;

/**
 * One stuck case as JSON, its stuckForMs and each moving `since` left as holes (filled with the serving instant).
 * Written field by field (each text value through JSON.stringify), in the order of `StuckCase`, without building
 * the objects first: this runs for every row of every uncached page.
 */
function writeStuckCase(body: PageBodyWriter, row: StuckRow, reasons: readonly StuckReason[], moving: ReadonlyArray<number | null>): void {
  const stuckAt = row.stuck_at.getTime();
  body
    .raw(`{"caseId":${str(row.case_id)},"mission":${str(row.mission)},"stage":${str(row.stage)},"status":${str(row.status)},`)
    .raw(`"risk":${str(row.risk_level)},"assignee":${str(row.assignee)},"escalationLevel":${str(row.escalation_level)},`)
    .raw(`"stuckSince":"${toIso(stuckAt)}","stuckForMs":`)
    .elapsedSince(stuckAt)
    .raw(',"reasons":[');
  for (let i = 0; i < reasons.length; i++) {
    const reason = reasons[i]!;
    let fields = `${i > 0 ? ',' : ''}{"code":${str(reason.kind)}`;
    if ('item' in reason) fields += `,"item":${str(reason.item)}`;
    if ('level' in reason) fields += `,"level":${str(reason.level)}`;
    const offset = moving[i];
    if (offset === null || offset === undefined) body.raw(`${fields},"since":${str(reason.since)}}`);
    else body.raw(`${fields},"since":`).instantFromNow(offset).raw('}');
  }
  body.raw(']}');
}
