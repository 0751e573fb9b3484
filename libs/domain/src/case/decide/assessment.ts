// Assessment: needs and wishes, identity verification in parallel, and care inside the clinical windows.
import { DomainError } from '../../shared/domain-error';
import { CLINICAL_WINDOWS } from '../../shared/vocabulary';
import type { RecordClinicalCare, RecordIdentityVerification, SubmitAssessment } from '../commands';
import type {
  AssessmentSubmitted,
  CaseEvent,
  ClinicalCareRecorded,
  IdentityDocumentsSeen,
  IdentityVerificationAnswered,
  IdentityVerificationRequested,
  TaskCompleted,
} from '../events';
import { event, invalid, requireOneOf, requireRole, STAFF, type DecisionContext } from './context';
import { isRunning, openStep, openTask, requireConsent, requireStepOpen, requireTaskRunning } from './items';
import { completeStep } from './steps';

export const decideSubmitAssessment = (ctx: DecisionContext, c: SubmitAssessment): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'submitting an assessment');
  requireOneOf(c.wish, ['return', 'stay', 'undecided'] as const, 'wish');
  if (typeof c.familyIsRiskSource !== 'boolean') invalid('familyIsRiskSource must be yes or no');
  requireStepOpen(ctx.state, 'assessment');
  const by = c.actor.userId;
  return [
    event<AssessmentSubmitted>(
      'AssessmentSubmitted',
      {
        at: ctx.at,
        by,
        needs: { ...c.needs },
        wish: c.wish,
        familyIsRiskSource: c.familyIsRiskSource,
        safetyPlanAgreed: c.safetyPlanAgreed,
      },
      { notes: c.notes, medicalDetails: c.medicalDetails },
    ),
    completeStep(ctx, by, 'assessment'),
    openStep(ctx, 'action_plan'),
  ];
};

export const decideIdentityVerification = (ctx: DecisionContext, c: RecordIdentityVerification): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'recording identity verification');
  const { state } = ctx;
  const by = c.actor.userId;
  const verified = state.identity === 'documents_seen' || state.identity === 'confirmed';
  switch (c.outcome.kind) {
    case 'documents_seen': {
      if (verified) return invalid('identity is already verified');
      const events: CaseEvent[] = [
        event<IdentityDocumentsSeen>(
          'IdentityDocumentsSeen',
          { at: ctx.at, by, document: c.outcome.document },
          { documentNumber: c.documentNumber },
        ),
      ];
      if (isRunning(state.items.identity_verification)) events.push(completeStep(ctx, by, 'identity_verification'));
      return events;
    }
    case 'request_sent':
      // The request shares her identity with the home authorities: consent `home_authorities` first.
      requireStepOpen(state, 'identity_verification');
      requireConsent(state, 'home_authorities');
      return [
        event<IdentityVerificationRequested>('IdentityVerificationRequested', { at: ctx.at, by }),
        completeStep(ctx, by, 'identity_verification'),
        openTask(ctx, 'verification_answer'),
      ];
    case 'answer_received':
      requireTaskRunning(state, 'verification_answer');
      return [
        event<IdentityVerificationAnswered>('IdentityVerificationAnswered', { at: ctx.at, by, confirmed: c.outcome.confirmed }),
        event<TaskCompleted>('TaskCompleted', {
          at: ctx.at,
          by,
          task: 'verification_answer',
          outcome: c.outcome.confirmed ? 'confirmed' : 'not_confirmed',
        }),
      ];
    default:
      return invalid('unknown identity verification outcome');
  }
};

export const decideClinicalCare = (ctx: DecisionContext, c: RecordClinicalCare): CaseEvent[] => {
  requireRole(c.actor, STAFF, 'recording clinical care');
  requireOneOf(c.window, CLINICAL_WINDOWS, 'window');
  const window = ctx.state.windows[c.window];
  if (!window || window.status !== 'open' || ctx.now >= window.endsAt) {
    throw new DomainError('INVALID_COMMAND', `the ${c.window} window is not open`);
  }
  requireConsent(ctx.state, 'medical');
  return [
    event<ClinicalCareRecorded>(
      'ClinicalCareRecorded',
      { at: ctx.at, by: c.actor.userId, window: c.window },
      { medicalDetails: c.medicalDetails },
    ),
  ];
};
