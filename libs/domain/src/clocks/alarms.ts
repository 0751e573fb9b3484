// The instants at which CheckClocks has something to say. One function lists them, so CheckClocks and
// nextWakeUp can never disagree about when the workflow must wake up.
import type { ProtocolDefinition, WorkItemId } from '../protocol/protocol-definition';
import type { ActiveCase, WorkItem } from '../case/state';
import { runningPause } from '../case/state';
import { HOUR } from '../shared/time';
import { pauseHolds } from './pause-holds';
import type { ClinicalWindowId, ConsentCategory, RiskLevel } from '../shared/vocabulary';

export type Alarm =
  | { readonly kind: 'reminder'; readonly at: number; readonly item: WorkItemId }
  | { readonly kind: 'deadline'; readonly at: number; readonly item: WorkItemId }
  | { readonly kind: 'escalation'; readonly at: number; readonly item: WorkItemId; readonly level: 2 | 3 }
  | { readonly kind: 'window'; readonly at: number; readonly window: ClinicalWindowId }
  | { readonly kind: 'inactivity'; readonly at: number; readonly since: number }
  | { readonly kind: 'exception_lapse'; readonly at: number; readonly category: ConsentCategory }
  | { readonly kind: 'consent_reask'; readonly at: number; readonly category: ConsentCategory };

const isRunning = (item: WorkItem): boolean => item.status === 'open' || item.status === 'in_progress';

/** The next rung of the ladder for a running item, or undefined once it is at the top. */
export const itemAlarms = (item: WorkItem, risk: RiskLevel, protocol: ProtocolDefinition): Alarm[] => {
  if (!isRunning(item) || item.dueAt === undefined || item.reminderAt === undefined) return [];
  const alarms: Alarm[] = [];
  if (!item.reminded) alarms.push({ kind: 'reminder', at: item.reminderAt, item: item.id });
  const held = item.rearmUntil ?? Number.NEGATIVE_INFINITY;
  const ladder = protocol.escalation;
  if (item.escalationLevel === 0) {
    alarms.push({ kind: 'deadline', at: item.dueAt, item: item.id });
  } else if (item.escalationLevel === 1 || item.escalationLevel === 2) {
    const anchor = item.escalatedAt ?? item.dueAt;
    const after =
      item.escalationLevel === 1 ? ladder.level2AfterLevel1Hours[risk] : ladder.level3AfterLevel2Hours[risk];
    const level = item.escalationLevel === 1 ? 2 : 3;
    alarms.push({ kind: 'escalation', at: Math.max(anchor + after * HOUR, held), item: item.id, level });
  }
  return alarms;
};

/** Every pending alarm of the case, earliest first (ties keep a stable, deterministic order). */
export const pendingAlarms = (state: ActiveCase, protocol: ProtocolDefinition): Alarm[] => {
  const alarms: Alarm[] = [];
  const pause = runningPause(state);
  // A pause stops only the clocks that wait on her (resuming moves them later); the others, and every ladder
  // already climbing, run on.
  for (const item of Object.values(state.items)) {
    if (item && !(pause && pauseHolds(item, pause.from))) alarms.push(...itemAlarms(item, state.risk, protocol));
  }
  // Clinical windows never pause.
  for (const window of Object.values(state.windows)) {
    if (window && window.status === 'open') alarms.push({ kind: 'window', at: window.endsAt, window: window.id });
  }
  // An exception is in force for a fixed period, pause or not: it lets work go on without her consent.
  for (const [category, exception] of Object.entries(state.exceptions)) {
    if (exception) {
      const at = exception.at + protocol.consent.exceptionLapsesAfterHours * HOUR;
      alarms.push({ kind: 'exception_lapse', at, category: category as ConsentCategory });
    }
  }
  // Asking her again waits on her like her own steps do: not while she asked for time or cannot be reached.
  if (!pause) {
    for (const [category, record] of Object.entries(state.consent)) {
      if (record.status === 'refused' && !record.reaskReminded && record.at !== undefined) {
        const at = record.at + protocol.consent.reaskAfterRefusalHours * HOUR;
        alarms.push({ kind: 'consent_reask', at, category: category as ConsentCategory });
      }
    }
  }
  // Nobody is inactive while the case waits on her by her own wish or because she cannot be reached.
  if (!pause && state.inactivityReportedFor !== state.lastActivityAt) {
    const at = state.lastActivityAt + protocol.stuck.inactivityHours[state.risk] * HOUR;
    alarms.push({ kind: 'inactivity', at, since: state.lastActivityAt });
  }
  return alarms.sort((a, b) => a.at - b.at);
};
