// What supervisors call "stuck" (PROTOCOL.md), each with the instant it became true.
import type { WorkItemId, ProtocolRegistry } from '../protocol/protocol-definition';
import { PROTOCOLS, protocolFor } from '../protocol/protocol-registry';
import type { CaseState, WorkItem } from '../case/state';
import { isActive, runningPause } from '../case/state';
import { HOUR, toIso } from '../shared/time';
import { effectiveDueAt } from './clock-math';

export type StuckReason =
  | { readonly kind: 'past_deadline'; readonly item: WorkItemId; readonly since: string }
  | { readonly kind: 'escalation_unacknowledged'; readonly item: WorkItemId; readonly level: 1 | 2 | 3; readonly since: string }
  | { readonly kind: 'inactivity'; readonly since: string }
  | { readonly kind: 'consent_blocked'; readonly item: WorkItemId; readonly since: string }
  | { readonly kind: 'closure_awaiting_approval'; readonly since: string };

const running = (i: WorkItem): boolean => i.status === 'open' || i.status === 'in_progress';

export const stuckReasons = (state: CaseState, now: number, protocols: ProtocolRegistry = PROTOCOLS): StuckReason[] => {
  if (!isActive(state)) return [];
  const protocol = protocolFor(state.protocolVersion, protocols);
  const reasons: StuckReason[] = [];
  for (const item of Object.values(state.items)) {
    if (!item) continue;
    const due = effectiveDueAt(state, item, now);
    if (running(item) && due !== undefined && due <= now) {
      reasons.push({ kind: 'past_deadline', item: item.id, since: toIso(due) });
    }
    const level = item.escalationLevel;
    if (running(item) && level > 0 && (item.acknowledgedLevel ?? 0) < level) {
      const since = item.escalatedAt ?? item.dueAt ?? now;
      reasons.push({ kind: 'escalation_unacknowledged', item: item.id, level: level as 1 | 2 | 3, since: toIso(since) });
    }
    if (item.status === 'blocked_on_consent' && item.blockedSince !== undefined) {
      if (now - item.blockedSince > protocol.stuck.consentBlockedHours * HOUR) {
        reasons.push({ kind: 'consent_blocked', item: item.id, since: toIso(item.blockedSince) });
      }
    }
  }
  // Waiting on her (a pause) is not inactivity.
  if (!runningPause(state) && now - state.lastActivityAt >= protocol.stuck.inactivityHours[state.risk] * HOUR) {
    reasons.push({ kind: 'inactivity', since: toIso(state.lastActivityAt) });
  }
  if (state.status === 'closure_requested') {
    const waited = now - state.closure.requestedAt;
    if (waited > protocol.stuck.closureAwaitingApprovalHours * HOUR) {
      reasons.push({ kind: 'closure_awaiting_approval', since: toIso(state.closure.requestedAt) });
    }
  }
  return reasons;
};
