// The stuck rules (stuck-reasons.ts) turned inside out: for a case as it stands, each reason it could be stuck for
// and the instant from which that reason holds if nothing else happens. A read model keeps these beside the case,
// so "which cases are stuck now, and why" is a comparison with the clock instead of a fold of every case's state.
// `stuckReasons` stays the rule: `stuckReasonsAt(stuckTriggers(state), now)` gives the same reasons for any `now`
// (proved by the property test in libs/domain/test/properties.unit.spec.ts and, through SQL, by the API's tests).
import type { WorkItemId, ProtocolRegistry } from '../protocol/protocol-definition';
import { PROTOCOLS, protocolFor } from '../protocol/protocol-registry';
import type { CaseState, WorkItem } from '../case/state';
import { isActive, runningPause } from '../case/state';
import { pauseHolds } from '../clocks/pause-holds';
import { HOUR, toIso } from '../shared/time';
import type { StuckReason } from './stuck-reasons';

export interface StuckTrigger {
  readonly kind: StuckReason['kind'];
  readonly item?: WorkItemId;
  readonly level?: 1 | 2 | 3;
  /** The first instant (epoch ms) the reason holds; it holds from then on. Null: it holds at every instant. */
  readonly from: number | null;
  /** The reason's `since` (epoch ms); null: the instant asked about. */
  readonly since: number | null;
  /**
   * A running pause keeps pushing the deadline later: after this instant `since` moves on with the clock
   * (`since + max(0, now - pushedFrom)`), as `effectiveDueAt` does.
   */
  readonly pushedFrom?: number;
}

const running = (i: WorkItem): boolean => i.status === 'open' || i.status === 'in_progress';

/** Every reason the case may be stuck for, in the order `stuckReasons` lists them, each with when it starts to hold. */
export const stuckTriggers = (state: CaseState, protocols: ProtocolRegistry = PROTOCOLS): StuckTrigger[] => {
  if (!isActive(state)) return [];
  const protocol = protocolFor(state.protocolVersion, protocols);
  const pause = runningPause(state);
  const triggers: StuckTrigger[] = [];
  for (const item of Object.values(state.items)) {
    if (!item) continue;
    if (running(item) && item.dueAt !== undefined) {
      if (!pause || !pauseHolds(item, pause.from)) {
        triggers.push({ kind: 'past_deadline', item: item.id, from: item.dueAt, since: item.dueAt });
      } else {
        // While paused the due time is dueAt + (now - pushedFrom): it is past only if it was before the push began.
        const pushedFrom = Math.max(pause.from, item.openedAt ?? pause.from);
        if (item.dueAt <= pushedFrom) {
          triggers.push({ kind: 'past_deadline', item: item.id, from: item.dueAt, since: item.dueAt, pushedFrom });
        }
      }
    }
    const level = item.escalationLevel;
    if (running(item) && level > 0 && (item.acknowledgedLevel ?? 0) < level) {
      triggers.push({ kind: 'escalation_unacknowledged', item: item.id, level: level as 1 | 2 | 3, from: null, since: item.escalatedAt ?? item.dueAt ?? null });
    }
    if (item.status === 'blocked_on_consent' && item.blockedSince !== undefined) {
      // Strictly longer than the protocol's hours: the first whole millisecond after.
      triggers.push({ kind: 'consent_blocked', item: item.id, from: item.blockedSince + protocol.stuck.consentBlockedHours * HOUR + 1, since: item.blockedSince });
    }
  }
  // Waiting on her (a pause) is not inactivity; the pause ends only by an event, which recomputes the triggers.
  if (!pause) {
    triggers.push({ kind: 'inactivity', from: state.lastActivityAt + protocol.stuck.inactivityHours[state.risk] * HOUR, since: state.lastActivityAt });
  }
  if (state.status === 'closure_requested') {
    const requestedAt = state.closure.requestedAt;
    triggers.push({ kind: 'closure_awaiting_approval', from: requestedAt + protocol.stuck.closureAwaitingApprovalHours * HOUR + 1, since: requestedAt });
  }
  return triggers;
};

/** The reasons that hold at `now`: the same list `stuckReasons(state, now)` gives, from the kept triggers alone. */
export const stuckReasonsAt = (triggers: readonly StuckTrigger[], now: number): StuckReason[] => {
  const reasons: StuckReason[] = [];
  for (const t of triggers) {
    if (t.from !== null && t.from > now) continue;
    const sinceMs = t.since === null ? now : t.pushedFrom === undefined ? t.since : t.since + Math.max(0, now - t.pushedFrom);
    const since = toIso(sinceMs);
    switch (t.kind) {
      case 'past_deadline':
      case 'consent_blocked':
        reasons.push({ kind: t.kind, item: t.item!, since });
        break;
      case 'escalation_unacknowledged':
        reasons.push({ kind: t.kind, item: t.item!, level: t.level!, since });
        break;
      case 'inactivity':
      case 'closure_awaiting_approval':
        reasons.push({ kind: t.kind, since });
        break;
    }
  }
  return reasons;
};

/**
 * How the reasons `stuckReasonsAt(triggers, now)` gives move with the clock alone (no event): `moving[i]` is, for
 * its i-th reason, the offset such that `since = now + offset` when that `since` follows the clock (a reason with no
 * instant of its own, a deadline pushed by a running pause), else null; `changesAt` is the first later instant at
 * which the list changes otherwise (a reason starts to hold, a pause starts pushing a `since`). Infinity: never.
 * A cache of the reasons computed at `now` stays right until `changesAt` by filling the moving `since` at serve time.
 */
export const stuckReasonClock = (triggers: readonly StuckTrigger[], now: number): { moving: Array<number | null>; changesAt: number } => {
  const moving: Array<number | null> = [];
  let changesAt = Infinity;
  for (const t of triggers) {
    if (t.from !== null && t.from > now) {
      changesAt = Math.min(changesAt, t.from);
      continue;
    }
    if (t.since === null) moving.push(0);
    else if (t.pushedFrom === undefined) moving.push(null);
    else if (now > t.pushedFrom) moving.push(t.since - t.pushedFrom);
    else {
      moving.push(null);
      changesAt = Math.min(changesAt, t.pushedFrom + 1);
    }
  }
  return { moving, changesAt };
};
