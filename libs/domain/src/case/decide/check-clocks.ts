// CheckClocks: everything that lapsed by `now`, in the order it lapsed. Lapses are events, not errors.
import type { Alarm } from '../../clocks/alarms';
import { pendingAlarms } from '../../clocks/alarms';
import { FOLLOW_UP_STEPS, type WorkItemId } from '../../protocol/protocol-definition';
import { toIso } from '../../shared/time';
import type {
  CaseBecameStuck,
  CaseEscalated,
  CaseEvent,
  ClinicalWindowClosed,
  DeadlineMissed,
  FollowUpDue,
  Recipient,
  ReminderDue,
} from '../events';
import { evolve } from '../evolve';
import type { ActiveCase } from '../state';
import { event, type DecisionContext } from './context';

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
