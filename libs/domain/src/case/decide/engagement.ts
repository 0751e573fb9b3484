// Engagement: assignment and contacts. The first successful contact ends the first-contact step and opens
// assessment and identity verification, which run in parallel.
import type { AssignCaseworker, RecordContact } from '../commands';
import type { CaseEvent, CaseworkerAssigned, ContactRecorded } from '../events';
import { CONTACT_CHANNELS } from '../../shared/vocabulary';
import { runningPause } from '../state';
import { event, requireOneOf, requireRole, requireText, STAFF, type DecisionContext } from './context';
import { isRunning, openStep } from './items';
import { resumeEvents } from './pause';
import { completeStep } from './steps';

export const decideAssignCaseworker = (ctx: DecisionContext, c: AssignCaseworker): CaseEvent[] => {
  requireRole(c.actor, ['supervisor', 'hq_duty_officer', 'hq_officer'], 'assigning a caseworker');
  requireText(c.caseworkerId, 'caseworkerId');
  return [event<CaseworkerAssigned>('CaseworkerAssigned', { at: ctx.at, by: c.actor.userId, caseworkerId: c.caseworkerId })];
};

export const decideRecordContact = (ctx: DecisionContext, c: RecordContact): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'recording a contact');
  requireOneOf(c.channel, CONTACT_CHANNELS, 'channel');
  requireOneOf(c.outcome, ['reached', 'unreachable'] as const, 'outcome');
  const { state } = ctx;
  const reached = c.outcome === 'reached';
  const events: CaseEvent[] = [
    event<ContactRecorded>(
      'ContactRecorded',
      {
        at: ctx.at,
        by: c.actor.userId,
        channel: c.channel,
        outcome: c.outcome,
        failedAttemptsInRow: reached ? 0 : state.contact.failedAttemptsInRow + 1,
        confidentialityExplained: c.confidentialityExplained ?? false,
      },
      { note: c.note },
    ),
  ];
  if (!reached) return events;
  // Reaching her ends a pause taken because she could not be reached.
  if (runningPause(state)?.reason === 'survivor_unreachable') {
    events.push(...resumeEvents(ctx, c.actor.userId, 'survivor_reached'));
  }
  if (isRunning(state.items.first_contact)) {
    events.push(completeStep(ctx, c.actor.userId, 'first_contact'), openStep(ctx, 'assessment'));
    if (state.identity === 'unverified') events.push(openStep(ctx, 'identity_verification'));
  }
  return events;
};
