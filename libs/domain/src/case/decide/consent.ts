// Informed consent: scoped per recipient category, time-stamped, revocable, re-asked. Exceptions are recorded
// with a reason and notify the supervisor at once.
import { CONSENT_CATEGORIES, CONSENT_EXCEPTION_GROUNDS, CONSENT_METHODS } from '../../shared/vocabulary';
import type { GiveConsent, RecordConsentException, RefuseConsent, WithdrawConsent } from '../commands';
import type {
  CaseEvent,
  ConsentExceptionRecorded,
  ConsentGiven,
  ConsentRefused,
  ConsentWithdrawn,
  SupervisorNotified,
  TaskCancelled,
} from '../events';
import type { WorkItem } from '../state';
import { event, requireOneOf, requireRole, requireText, STAFF, type DecisionContext } from './context';
import { unblockTasks } from './items';
import type { TaskId } from '../../protocol/protocol-definition';

type ConsentCommand = GiveConsent | RefuseConsent | WithdrawConsent;

const validate = (c: ConsentCommand | RecordConsentException): void => {
  requireRole(c.actor, STAFF, 'recording consent');
  requireOneOf(c.category, CONSENT_CATEGORIES, 'category');
};

export const decideConsent = (ctx: DecisionContext, c: ConsentCommand): CaseEvent[] => {
  validate(c);
  requireOneOf(c.method, CONSENT_METHODS, 'method');
  const data = { at: ctx.at, by: c.actor.userId, category: c.category, method: c.method };
  switch (c.type) {
    case 'GiveConsent':
      // Tasks planned towards this recipient start their clock now (family: 48 h after consent).
      return [event<ConsentGiven>('ConsentGiven', data), ...unblockTasks(ctx, c.category)];
    case 'RefuseConsent': {
      // Refusing what she had given takes it back: what is pending towards the recipient stops, as on withdrawal.
      // A first refusal leaves planned tasks waiting: she may be asked again (the protocol's re-ask reminder).
      const takenBack = ctx.state.consent[c.category].status === 'given';
      return [event<ConsentRefused>('ConsentRefused', data), ...(takenBack ? cancelPending(ctx, c, 'consent_refused') : [])];
    }
    case 'WithdrawConsent':
      return [event<ConsentWithdrawn>('ConsentWithdrawn', data), ...cancelPending(ctx, c, 'consent_withdrawn')];
  }
};

/**
 * Every task towards the recipient that is running or waiting for consent, cancelled — unless an exception in
 * force (danger, a minor, a legal duty) is why those actions go ahead regardless. A lapsed exception is gone.
 */
const cancelPending = (ctx: DecisionContext, c: ConsentCommand, reason: TaskCancelled['data']['reason']): TaskCancelled[] => {
  if (ctx.state.exceptions[c.category] !== undefined) return [];
  return Object.values(ctx.state.items)
    .filter(
      (i): i is WorkItem =>
        i !== undefined &&
        i.kind === 'task' &&
        i.consentCategory === c.category &&
        (i.status === 'open' || i.status === 'in_progress' || i.status === 'blocked_on_consent'),
    )
    .map((i) => event<TaskCancelled>('TaskCancelled', { at: ctx.at, by: c.actor.userId, task: i.id as TaskId, reason }));
};

export const decideConsentException = (ctx: DecisionContext, c: RecordConsentException): CaseEvent[] => {
  validate(c);
  requireOneOf(c.ground, CONSENT_EXCEPTION_GROUNDS, 'ground');
  const reason = requireText(c.reason, 'reason');
  return [
    event<ConsentExceptionRecorded>(
      'ConsentExceptionRecorded',
      { at: ctx.at, by: c.actor.userId, category: c.category, ground: c.ground },
      { reason },
    ),
    event<SupervisorNotified>('SupervisorNotified', {
      at: ctx.at,
      subject: 'consent_exception',
      category: c.category,
      ground: c.ground,
      invokedBy: c.actor.userId,
      recipient: { role: 'supervisor', contactId: ctx.mission.escalation.supervisor },
    }),
    ...unblockTasks(ctx, c.category),
  ];
};
