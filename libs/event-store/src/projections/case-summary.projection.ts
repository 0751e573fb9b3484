import type { PoolClient } from 'pg';
import {
  CURRENT_SCHEMA_VERSIONS,
  DAY,
  RISK_LEVELS,
  caseView,
  evolve,
  initialState,
  isActive,
  stuckReasons,
  stuckTriggers,
  upcast,
  type CaseEvent,
  type CaseState,
} from '@baoho/domain';
import type { Projection, StoredEvent } from '../types';

/**
 * The case worklist, kept inline: one `case_summary` row per case and one `open_deadlines` row per running step or
 * task deadline. A case's stream id is its case id (one stream per case).
 *
 * Each batch continues from the `state` kept in `case_summary` (or `initialState()`), folding the domain's own
 * `evolve` over the upcast events, so nothing here re-implements the rules. Events are folded WITHOUT their personal
 * part: the read models hold codes and times only (migration CreateCaseReadModels1763880000002), and a summary
 * never shows a name or a note. Events of types the domain does not know belong to other streams and are skipped.
 *
 * Deterministic: the `now` used for due times is the occurredAt of the stream's last event in the batch, never the
 * clock, so a rebuild yields the same rows. Events at or below the stored `stream_version` are skipped, so applying
 * a batch twice changes nothing.
 */
export const caseSummaryProjection: Projection = Object.freeze({
  name: 'case-summary',
  tables: ['case_summary', 'open_deadlines'],
  apply: async (client: PoolClient, events: readonly StoredEvent[]): Promise<void> => {
    const byStream = groupCaseEvents(events);
    if (byStream.size === 0) return;
    // A stream whose batch starts at version 1 has no row yet (its row is written with its events, and a rebuild
    // truncates first), so only the others are looked up: an opening costs no read.
    const continued = [...byStream].filter(([, streamEvents]) => streamEvents[0]!.streamVersion > 1).map(([caseId]) => caseId);
    const stored = continued.length > 0 ? await loadStates(client, continued) : new Map<string, StoredState>();
    for (const [caseId, streamEvents] of byStream) {
      const from = stored.get(caseId);
      const fresh = streamEvents.filter((event) => event.streamVersion > (from?.version ?? 0));
      if (fresh.length === 0) continue;
      const state = fresh.reduce<CaseState>((current, event) => evolve(current, toDomainEvent(event)), from?.state ?? initialState());
      const last = fresh[fresh.length - 1]!;
      await save(client, caseId, state, last.streamVersion, Date.parse(last.occurredAt));
    }
  },
});

const isCaseEvent = (event: StoredEvent): boolean =>
  Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, event.type);

/** The batch's case events by stream, each stream's in version order. */
function groupCaseEvents(events: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (!isCaseEvent(event)) continue;
    const list = byStream.get(event.streamId) ?? [];
    list.push(event);
    byStream.set(event.streamId, list);
  }
  for (const list of byStream.values()) list.sort((a, b) => a.streamVersion - b.streamVersion);
  return byStream;
}

/** The domain event, without its personal part (see above). */
const toDomainEvent = (event: StoredEvent): CaseEvent =>
  upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data as Record<string, unknown>, personal: null });

interface StoredState {
  readonly state: CaseState;
  readonly version: number;
}

async function loadStates(client: PoolClient, caseIds: readonly string[]): Promise<Map<string, StoredState>> {
  const { rows } = await client.query<{ case_id: string; state: CaseState; stream_version: number }>(
    // FOR UPDATE: a rebuild or an async runner applying the same case waits instead of interleaving.
    'SELECT case_id, state, stream_version FROM case_summary WHERE case_id = ANY($1::text[]) FOR UPDATE',
    [caseIds],
  );
  return new Map(rows.map((row) => [row.case_id, { state: row.state, version: row.stream_version }]));
}

/**
 * The case's row and its open deadlines, in one statement (one round trip, however many deadlines). The row moves
 * only forward (a batch applied again, or an older one, changes nothing), and the deadlines are replaced only
 * when it moved: the DELETE reads `summary` and the INSERT reads `gone`, which makes PostgreSQL run them in that
 * order (data-modifying CTEs otherwise run in no set order). A deadline kept with the same item is deleted and
 * inserted again within the statement: the primary key check ignores a row this transaction deleted.
 */
const SAVE = {
  name: 'baoho_case_summary_save',
  text: `
WITH summary AS (
  INSERT INTO case_summary (case_id, mission, stage, status, risk_level, assignee, escalation_level, next_due_at,
                            last_activity_at, categories, stream_version, state,
                            stuck_at, severity, opened_at, closure_requested_at, stuck_triggers, shared_with)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11, $12::jsonb, $13, $14, $15, $16, $17::jsonb, $18::text[])
  ON CONFLICT (case_id) DO UPDATE SET
    mission = EXCLUDED.mission, stage = EXCLUDED.stage, status = EXCLUDED.status,
    risk_level = EXCLUDED.risk_level, assignee = EXCLUDED.assignee, escalation_level = EXCLUDED.escalation_level,
    next_due_at = EXCLUDED.next_due_at, last_activity_at = EXCLUDED.last_activity_at,
    categories = EXCLUDED.categories, stream_version = EXCLUDED.stream_version, state = EXCLUDED.state,
    stuck_at = EXCLUDED.stuck_at, severity = EXCLUDED.severity, opened_at = EXCLUDED.opened_at,
    closure_requested_at = EXCLUDED.closure_requested_at, stuck_triggers = EXCLUDED.stuck_triggers,
    shared_with = EXCLUDED.shared_with
  WHERE case_summary.stream_version < EXCLUDED.stream_version
  RETURNING case_id
), gone AS (
  DELETE FROM open_deadlines WHERE case_id = $1 AND EXISTS (SELECT 1 FROM summary) RETURNING 1
)
INSERT INTO open_deadlines (case_id, item, kind, mission, party, due_at, escalation_level)
SELECT $1::text, d.item, d.kind, $2::text, d.party, d.due_at, d.escalation_level
  FROM unnest($19::text[], $20::text[], $21::text[], $22::timestamptz[], $23::int[]) AS d(item, kind, party, due_at, escalation_level)
 WHERE EXISTS (SELECT 1 FROM summary) AND (SELECT count(*) FROM gone) >= 0`,
};

async function save(client: PoolClient, caseId: string, state: CaseState, streamVersion: number, now: number): Promise<void> {
  const view = caseView(state, now);
  if (state.status === 'none' || !view) return; // no CaseOpened yet: nothing to show
  const deadlines = view.openItems;
  await client.query({
    ...SAVE,
    values: [
      caseId,
      state.missionCode,
      state.stage,
      state.status,
      state.risk,
      state.assignee ?? null,
      view.escalationLevel,
      deadlines[0]?.dueAt ?? null, // openItems are soonest due first
      new Date(state.lastActivityAt).toISOString(),
      [...state.categories],
      streamVersion,
      JSON.stringify(state),
      isoOrNull(firstStuckAt(state, now)),
      RISK_LEVELS.indexOf(state.risk) * 4 + (3 - view.escalationLevel),
      new Date(state.openedAt).toISOString(),
      state.status === 'closure_requested' ? new Date(state.closure.requestedAt).toISOString() : null,
      JSON.stringify(stuckTriggers(state)),
      [...(state.sharedWith ?? [])],
      deadlines.map((d) => d.item),
      deadlines.map((d) => d.kind),
      deadlines.map((d) => d.party),
      deadlines.map((d) => d.dueAt),
      deadlines.map((d) => d.escalationLevel),
    ],
  });
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Far enough that an active case is always stuck by then (inactivity alone does it within the protocol's hours). */
const STUCK_HORIZON = 400 * DAY;

/**
 * The first instant at which the domain's `stuckReasons` calls the case stuck, if no further event comes: what the
 * stuck list selects on (`stuck_at <= now`, decided at query time). Found by bisection over `stuckReasons` itself,
 * so no rule or threshold is repeated here: with the state fixed, every rule holds from some instant on (a reason
 * counts from its own `since`), so "stuck at t" is monotone in t. Null for a closed case.
 */
export function firstStuckAt(state: CaseState, lastEventAt: number): number | null {
  if (!isActive(state)) return null;
  const stuck = (t: number): boolean => stuckReasons(state, t).some((reason) => Date.parse(reason.since) <= t);
  let hi = Math.max(lastEventAt, state.openedAt) + STUCK_HORIZON;
  if (!stuck(hi)) return null;
  let lo = state.openedAt - 1;
  if (stuck(lo)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (stuck(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
