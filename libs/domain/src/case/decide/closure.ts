// Follow-up and closure. Closing always takes a supervisor's approval; a closed case reopens with its history.
import { DomainError } from '../../shared/domain-error';
import type { ApproveClosure, RecordFollowUp, RejectClosure, RequestClosure } from '../commands';
import type { CaseClosed, CaseEvent, ClosureRejected, ClosureRequested, FollowUpRecorded } from '../events';
import { event, requireOneOf, requireRole, STAFF, type DecisionContext } from './context';
import { requireStepOpen } from './items';
import { completeStep } from './steps';

export const decideRecordFollowUp = (ctx: DecisionContext, c: RecordFollowUp): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'recording a follow-up');
  requireOneOf(c.step, ['follow_up_day_7', 'follow_up_day_30'] as const, 'step');
  requireOneOf(c.outcome, ['reached', 'unreachable'] as const, 'outcome');
  requireStepOpen(ctx.state, c.step);
  const by = c.actor.userId;
  const recorded = event<FollowUpRecorded>(
    'FollowUpRecorded',
    { at: ctx.at, by, step: c.step, outcome: c.outcome },
    { note: c.note },
  );
  return c.outcome === 'reached' ? [recorded, completeStep(ctx, by, c.step)] : [recorded];
};

export const decideRequestClosure = (ctx: DecisionContext, c: RequestClosure): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'requesting closure');
  requireOneOf(c.reason, ctx.protocol.closure.reasons, 'reason');
  if (ctx.state.status === 'closure_requested') {
    throw new DomainError('APPROVAL_REQUIRED', 'closure is already requested and waits for a supervisor');
  }
  const needed = ctx.protocol.closure.unreachableAfterAttempts;
  if (c.reason === 'unreachable' && ctx.state.contact.failedAttemptsInRow < needed) {
    throw new DomainError(
      'NOT_ENOUGH_CONTACT_ATTEMPTS',
      `closing as unreachable needs ${needed} unsuccessful attempts in a row (${ctx.state.contact.failedAttemptsInRow} logged)`,
    );
  }
  return [event<ClosureRequested>('ClosureRequested', { at: ctx.at, by: c.actor.userId, reason: c.reason })];
};

export const decideClosureDecision = (ctx: DecisionContext, c: ApproveClosure | RejectClosure): CaseEvent[] => {
  requireRole(c.actor, ['supervisor'], 'deciding on closure');
  const { state } = ctx;
  if (state.status !== 'closure_requested') {
    throw new DomainError('CLOSURE_NOT_REQUESTED', 'no closure is waiting for approval');
  }
  const by = c.actor.userId;
  return c.type === 'ApproveClosure'
    ? [event<CaseClosed>('CaseClosed', { at: ctx.at, by, reason: state.closure.reason })]
    : [event<ClosureRejected>('ClosureRejected', { at: ctx.at, by }, { note: c.note })];
};
