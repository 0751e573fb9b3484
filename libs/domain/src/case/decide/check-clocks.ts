// CheckClocks: everything that lapsed by `now`, in the order it lapsed. Lapses are events, not errors.
import type { Alarm } from '../../clocks/alarms';
import { pendingAlarms } from '../../clocks/alarms';
import { FOLLOW_UP_STEPS, type TaskId, type WorkItemId } from '../../protocol/protocol-definition';
import type { ConsentCategory } from '../../shared/vocabulary';
import { toIso } from '../../shared/time';
import type {
  CaseBecameStuck,
  CaseEscalated,
  CaseEvent,
  ClinicalWindowClosed,
  ConsentExceptionLapsed,
  ConsentReaskDue,
  DeadlineMissed,
  FollowUpDue,
  Recipient,
  ReminderDue,
  TaskBlockedOnConsent,
} from '../events';
import { evolve } from '../evolve';
import type { ActiveCase, WorkItem } from '../state';
import { event, type DecisionContext } from './context';
import { isRunning } from './items';

const recipientFor = (ctx: DecisionContext, state: ActiveCase, level: 0 | 1 | 2 | 3): Recipient => {
  const contacts = ctx.mission.escalation;
  if (level === 0) {
    // The reminder goes to the assigned caseworker; an unassigned case reminds the supervisor instead.
    return state.assignee
      ? { role: 'caseworker', contactId: `user:${state.assignee}` }
      : { role: 'supervisor', contactId: contacts.supervisor };
  }
  if (level === 1) return { role: 'supervisor', contactId: contacts.supervisor };
  if (level === 2) return { role: 'hq_duty_officer', contactId: contacts.hqDutyOfficer };
  return { role: 'head_of_mission', contactId: contacts.headOfMission };
};

/**
 * The exception lapses; without her consent, the tasks it let run towards that recipient wait for consent again
 * (their clock stops; it starts afresh when consent, or a new exception, comes).
 */
const exceptionLapsed = (ctx: DecisionContext, state: ActiveCase, category: ConsentCategory): CaseEvent[] => {
  const exception = state.exceptions[category]!;
  const lapsed = event<ConsentExceptionLapsed>('ConsentExceptionLapsed', {
    at: ctx.at,
    category,
    ground: exception.ground,
    recordedAt: toIso(exception.at),
  });
  if (state.consent[category].status === 'given') return [lapsed];
  const waiting = Object.values(state.items)
    .filter((i): i is WorkItem => isRunning(i) && i.kind === 'task' && i.consentCategory === category && i.track !== undefined)
    .map((i) =>
      event<TaskBlockedOnConsent>('TaskBlockedOnConsent', { at: ctx.at, task: i.id as TaskId, track: i.track!, party: i.party, category }),
    );
  return [lapsed, ...waiting];
};

const isFollowUp = (id: WorkItemId): boolean => (FOLLOW_UP_STEPS as readonly string[]).includes(id);

const eventsFor = (ctx: DecisionContext, state: ActiveCase, alarm: Alarm): CaseEvent[] => {
  const at = ctx.at;
  switch (alarm.kind) {
    case 'reminder': {
      const dueAt = toIso(state.items[alarm.item]?.dueAt ?? alarm.at);
      const data = { at, item: alarm.item, dueAt, recipient: recipientFor(ctx, state, 0) };
      return [isFollowUp(alarm.item) ? event<FollowUpDue>('FollowUpDue', data) : event<ReminderDue>('ReminderDue', data)];
    }
    case 'deadline':
      return [
        event<DeadlineMissed>('DeadlineMissed', { at, item: alarm.item, dueAt: toIso(alarm.at) }),
        event<CaseEscalated>('CaseEscalated', {
          at,
          item: alarm.item,
          level: 1,
          scheduledAt: toIso(alarm.at),
          recipient: recipientFor(ctx, state, 1),
        }),
      ];
    case 'escalation':
      return [
        event<CaseEscalated>('CaseEscalated', {
          at,
          item: alarm.item,
          level: alarm.level,
          scheduledAt: toIso(alarm.at),
          recipient: recipientFor(ctx, state, alarm.level),
        }),
      ];
    case 'window':
      return [event<ClinicalWindowClosed>('ClinicalWindowClosed', { at, window: alarm.window, endsAt: toIso(alarm.at) })];
    case 'inactivity':
      return [event<CaseBecameStuck>('CaseBecameStuck', { at, reason: 'inactivity', since: toIso(alarm.since) })];
    case 'exception_lapse':
      return exceptionLapsed(ctx, state, alarm.category);
    case 'consent_reask': {
      const refusedAt = toIso(state.consent[alarm.category].at ?? alarm.at);
      return [event<ConsentReaskDue>('ConsentReaskDue', { at, category: alarm.category, refusedAt, recipient: recipientFor(ctx, state, 0) })];
    }
  }
};

export const decideCheckClocks = (ctx: DecisionContext): CaseEvent[] => {
  const emitted: CaseEvent[] = [];
  let state = ctx.state;
  // Each alarm, once emitted, is gone from the folded state, so this loop ends (a case has finitely many).
  for (;;) {
    const due = pendingAlarms(state, ctx.protocol).find((a) => a.at <= ctx.now);
    if (!due) return emitted;
    for (const e of eventsFor(ctx, state, due)) {
      state = evolve(state, e) as ActiveCase;
      emitted.push(e);
    }
  }
};
