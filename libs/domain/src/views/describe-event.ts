// One plain-English line per event for the case timeline. Codes and times only: never personal data.
import type { CaseEvent } from '../case/events';
import { assertNever } from '../case/evolve';

const words = (code: string): string => code.replace(/_/g, ' ');

export const describeEvent = (e: CaseEvent): string => {
  switch (e.type) {
    case 'CaseOpened':
      return `Case opened from ${e.data.source === 'hotline' ? 'the hotline' : 'a walk-in'} in ${e.data.countryCode}, risk ${e.data.risk}, handled by mission ${e.data.missionCode} under protocol ${e.data.protocolVersion}.`;
    case 'ClinicalWindowOpened':
      return `Clinical window for ${words(e.data.window)} open until ${e.data.endsAt}.`;
    case 'ClinicalWindowClosedBeforeIntake':
      return `Clinical window for ${words(e.data.window)} had already closed (${e.data.endsAt}) before the case was reported.`;
    case 'ClinicalWindowClosedBeforeKnown':
      return `Clinical window for ${words(e.data.window)} had already closed (${e.data.endsAt}) when its incident time became known.`;
    case 'ClinicalWindowClosed':
      return `Clinical window for ${words(e.data.window)} closed at ${e.data.endsAt} without care recorded.`;
    case 'ClinicalCareRecorded':
      return `Care for ${words(e.data.window)} recorded within its window.`;
    case 'CaseworkerAssigned':
      return `Caseworker ${e.data.caseworkerId} assigned.`;
    case 'CaseShared':
      return `Case shared with ${e.data.userId} by ${e.data.by}.`;
    case 'BreakGlassRead':
      return `Emergency (break-glass) read by ${e.data.by} (${e.data.role}); the supervisor was told.`;
    case 'ContactRecorded':
      return e.data.outcome === 'reached'
        ? `Survivor reached by ${words(e.data.channel)}.`
        : `Contact attempt by ${words(e.data.channel)} failed (${e.data.failedAttemptsInRow} in a row).`;
    case 'ConsentGiven':
      return `Consent given for ${words(e.data.category)} (${words(e.data.method)}).`;
    case 'ConsentRefused':
      return `Consent refused for ${words(e.data.category)}.`;
    case 'ConsentWithdrawn':
      return `Consent withdrawn for ${words(e.data.category)}.`;
    case 'ConsentExceptionRecorded':
      return `Consent exception recorded for ${words(e.data.category)} on the ground of ${words(e.data.ground)}.`;
    case 'ConsentExceptionLapsed':
      return `Consent exception for ${words(e.data.category)} (${words(e.data.ground)}) lapsed; consent is needed again.`;
    case 'ConsentReaskDue':
      return `Time to ask her again about consent for ${words(e.data.category)}, refused ${e.data.refusedAt}.`;
    case 'SupervisorNotified':
      return `Supervisor notified of a consent exception for ${words(e.data.category)}.`;
    case 'AssessmentSubmitted':
      return `Assessment submitted; she wishes to ${e.data.wish === 'undecided' ? 'decide later' : e.data.wish}.`;
    case 'IdentityDocumentsSeen':
      return `Identity verified: ${words(e.data.document)} seen.`;
    case 'IdentityVerificationRequested':
      return 'Identity verification requested from the home authorities.';
    case 'IdentityVerificationAnswered':
      return `Home authorities answered: identity ${e.data.confirmed ? 'confirmed' : 'not confirmed'}.`;
    case 'ActionPlanAgreed':
      return `Action plan agreed (${e.data.goal}): ${e.data.tasks.map(words).join(', ')}.`;
    case 'StepOpened':
      return `Step ${words(e.data.step)} opened, due ${e.data.dueAt}.`;
    case 'StepCompleted':
      return `Step ${words(e.data.step)} completed.`;
    case 'TaskOpened':
      return `Task ${words(e.data.task)} opened, due ${e.data.dueAt}.`;
    case 'TaskBlockedOnConsent':
      return `Task ${words(e.data.task)} waits for consent for ${words(e.data.category)}.`;
    case 'TaskStarted':
      return `Task ${words(e.data.task)} started.`;
    case 'TaskCompleted':
      return `Task ${words(e.data.task)} completed.`;
    case 'TaskCancelled':
      return `Task ${words(e.data.task)} cancelled: ${words(e.data.reason)}.`;
    case 'ClockPaused':
      return `Clock paused: ${words(e.data.reason)}.`;
    case 'ClockResumed':
      return `Clock resumed after ${Math.round(e.data.pausedMs / 60_000)} min; ${e.data.shifts.length} deadline(s) moved later.`;
    case 'ReminderDue':
      return `Reminder: ${words(e.data.item)} is due ${e.data.dueAt}.`;
    case 'FollowUpDue':
      return `Follow-up ${words(e.data.item)} is due now.`;
    case 'DeadlineMissed':
      return `Deadline missed for ${words(e.data.item)} (due ${e.data.dueAt}).`;
    case 'CaseEscalated':
      return `Escalated to level ${e.data.level} (${words(e.data.recipient.role)}) for ${words(e.data.item)}.`;
    case 'EscalationAcknowledged':
      return `Escalation level ${e.data.level} on ${words(e.data.item)} acknowledged; held until ${e.data.rearmUntil}.`;
    case 'CaseBecameStuck':
      return `No activity on the case since ${e.data.since}.`;
    case 'FollowUpRecorded':
      return `Follow-up ${words(e.data.step)}: ${e.data.outcome === 'reached' ? 'survivor reached' : 'not reached'}.`;
    case 'ClosureRequested':
      return `Closure requested: ${words(e.data.reason)}.`;
    case 'ClosureRejected':
      return 'Closure rejected by the supervisor.';
    case 'CaseClosed':
      return `Case closed (${words(e.data.reason)}), approved by the supervisor.`;
    case 'CaseReopened':
      return e.data.step === undefined ? 'Case reopened.' : `Case reopened; work resumes at step ${words(e.data.step)}.`;
    case 'NoteAdded':
      return 'Note added.';
    case 'PersonalDataErased':
      return `Personal data erased (${words(e.data.reason)}); codes, times and outcomes are kept.`;
    case 'IntakeCorrected':
      return `Intake corrected (${e.data.changed.map(words).join(', ')})${e.data.corrections.risk ? `; risk now ${e.data.corrections.risk.to}` : ''}; ${e.data.deadlines.length} deadline(s) recomputed.`;
    case 'ProtocolMigrated':
      return `Case moved from protocol ${e.data.fromVersion} to ${e.data.toVersion}.`;
    default:
      return assertNever(e);
  }
};
