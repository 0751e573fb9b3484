// Reopening a closed case: its history stays, and work resumes at one step with a fresh deadline under the
// case's pinned protocol — reminders and the ladder as for any step — so a reopened case is never a dead end.
import type { Mission } from '../../missions/mission';
import { STEP_IDS, type ProtocolDefinition, type ProtocolRegistry, type StepId } from '../../protocol/protocol-definition';
import type { ReopenCase } from '../commands';
import type { CaseEvent, CaseReopened } from '../events';
import { evolve } from '../evolve';
import type { ClosedState, OpenCaseState } from '../state';
import { atOf, event, requireOneOf, requireRole, STAFF } from './context';
import { openStep } from './items';

/**
 * The step that was open when the case closed (closing cancelled it at that instant; the earliest, if several
 * were), else the earliest step the case has had that is not done (cancelled at an earlier closure), else the
 * assessment: a survivor coming back after everything was done is assessed again.
 */
export const defaultResumeStep = (state: ClosedState): StepId => {
  const had = STEP_IDS.filter((id) => state.items[id] !== undefined);
  return (
    had.find((id) => state.items[id]?.status === 'cancelled' && state.items[id]?.endedAt === state.closedAt) ??
    had.find((id) => state.items[id]?.status !== 'done') ??
    'assessment'
  );
};

export const decideReopenCase = (
  state: ClosedState,
  c: ReopenCase,
  now: number,
  protocol: ProtocolDefinition,
  protocols: ProtocolRegistry,
  mission: Mission,
): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'reopening a case');
  const step = c.step === undefined ? defaultResumeStep(state) : requireOneOf(c.step, STEP_IDS, 'step');
  const at = atOf(now);
  const reopened = event<CaseReopened>(
    'CaseReopened',
    { at, by: c.actor.userId, step, stage: protocol.steps[step].stage },
    { note: c.note },
  );
  const open = evolve(state, reopened) as OpenCaseState;
  return [reopened, openStep({ state: open, protocol, protocols, mission, now, at }, step)];
};
