// @baoho/domain — the pure rules of a protection case. The only public face of this library.
export * from './shared/vocabulary';
export { DOMAIN_ERROR_CODES, DomainError, isDomainError, type DomainErrorCode } from './shared/domain-error';
export { DAY, HOUR, MINUTE, toIso } from './shared/time';

export * from './protocol/protocol-definition';
export {
  compareProtocolVersions,
  CURRENT_PROTOCOL_VERSION,
  PROTOCOL_2026_1,
  PROTOCOLS,
  protocolFor,
  registerProtocols,
} from './protocol/protocol-registry';
export {
  parseProtocol,
  protocolDocumentSchema,
  ProtocolDocumentError,
  type ProtocolDocumentProblem,
} from './protocol/protocol-schema';
export { protocolProblems } from './protocol/protocol-soundness';

export type { EscalationContacts, Mission, MissionRegistry } from './missions/mission';
export { HQ_MISSION_CODE, MISSIONS } from './missions/missions';
export { missionByCode, resolveMission } from './missions/resolve-mission';
export { addWorkingDays } from './missions/working-days';

export { triage, type TriageInput } from './intake/triage';

export type * from './case/commands';
export { ERASURE_REASONS, PERSONAL_COMMAND_FIELDS } from './case/commands';
export { ERASED, type Sealed } from './shared/sealed';
export { ERASURE_ROLES } from './case/decide/erasure';
export type * from './case/events';
export { CURRENT_SCHEMA_VERSIONS } from './case/events';
export type * from './case/state';
export { initialState, isActive, isConsentInForce, runningPause } from './case/state';
export { decide, validate, type DecideOptions } from './case/decide';
export { evolve } from './case/evolve';
export { fold } from './case/fold';

export { nextWakeUp } from './clocks/next-wake-up';
export { caseView, type CaseView, type IntakeFactsView, type CaseViewOptions, type ClockView, type ClinicalWindowView, type PersonalView } from './views/case-view';
export { consentRefusal, taskRefusal, verificationRequestRefusal, type Refusal } from './case/refusals';
export { stuckReasons, type StuckReason } from './views/stuck-reasons';
export { stuckReasonClock, stuckReasonsAt, stuckTriggers, type StuckTrigger } from './views/stuck-triggers';
export { describeEvent } from './views/describe-event';
export { TIMELINE_FACT_NAMES, timelineFacts, type TimelineFact, type TimelineFacts } from './views/timeline-facts';
export { upcast, type RawEvent } from './events/upcast';
export { foldText, nameTokens, passportTerm, phoneTerms, queryTerms, type SearchKind, type SearchTerm } from './search/search-terms';
export { ASSIGNABLE_ROLES, mayBeNamedOnCase, STAFF_ROLES, type StaffMember, type StaffNaming, type StaffRole } from './staff/staff-eligibility';
