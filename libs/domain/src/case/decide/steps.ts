// Completing steps: most steps end through their own command; CompleteStep ends the implementation.
import type { StepId } from '../../protocol/protocol-definition';
import { FOLLOW_UP_STEPS } from '../../protocol/protocol-definition';
import type { CompleteStep } from '../commands';
import type { CaseEvent, StepCompleted } from '../events';
import { event, invalid, requireRole, STAFF, type DecisionContext } from './context';
import { openStep, requireStepOpen } from './items';

export const completeStep = (ctx: DecisionContext, by: string, step: StepId): StepCompleted =>
  event<StepCompleted>('StepCompleted', { at: ctx.at, by, step });

const DEDICATED_COMMAND: Partial<Record<StepId, string>> = {
  first_contact: 'RecordContact',
  assessment: 'SubmitAssessment',
  identity_verification: 'RecordIdentityVerification',
  action_plan: 'AgreeActionPlan',
  follow_up_day_7: 'RecordFollowUp',
  follow_up_day_30: 'RecordFollowUp',
};

export const decideCompleteStep = (ctx: DecisionContext, c: CompleteStep): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'completing a step');
  const dedicated = DEDICATED_COMMAND[c.step];
  if (dedicated) return invalid(`step ${c.step} is completed with ${dedicated}`);
  requireStepOpen(ctx.state, c.step);
  const pending = (ctx.state.plan?.tasks ?? []).filter((t) => {
    const status = ctx.state.items[t]?.status;
    return status !== 'done' && status !== 'cancelled';
  });
  if (pending.length > 0) return invalid(`tasks still pending: ${pending.join(', ')}`);
  // The follow-up contacts are scheduled from the end of the implementation.
  return [completeStep(ctx, c.actor.userId, c.step), ...FOLLOW_UP_STEPS.map((s) => openStep(ctx, s))];
};
