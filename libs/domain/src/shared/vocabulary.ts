// The closed vocabularies of PROTOCOL.md. Codes, not prose: they travel in non-personal event data.

export const RISK_LEVELS = ['critical', 'high', 'standard'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const STAGES = [
  'intake',
  'engagement',
  'assessment',
  'action_plan',
  'implementation',
  'follow_up',
  'closure',
] as const;
export type Stage = (typeof STAGES)[number];

export const CONSENT_CATEGORIES = [
  'family',
  'host_police',
  'host_labour',
  'shelter',
  'medical',
  'employer',
  'recruitment_agency',
  'home_authorities',
  'international_org',
  'reintegration_service',
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

export const CONSENT_METHODS = ['spoken', 'written', 'interpreter'] as const;
/** `not_recorded` exists only for ConsentGiven v1 events, written before the method was asked. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number] | 'not_recorded';

export const CONSENT_EXCEPTION_GROUNDS = ['imminent_danger', 'minor_protection', 'legal_duty'] as const;
export type ConsentExceptionGround = (typeof CONSENT_EXCEPTION_GROUNDS)[number];

/** The roles a person's (or an integration's) bearer token carries: the only ones the API accepts. */
export const TOKEN_ROLES = ['caseworker', 'supervisor', 'hq_officer', 'hotline_integration', 'auditor', 'admin'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/**
 * Roles recorded in events written before tokens existed (the stand-in identity headers, the hotline consumer
 * as `hotline_operator`). They stay so that recorded histories decide exactly as they did; `hq_officer` is
 * allowed wherever `hq_duty_officer` was, and `hotline_integration` wherever `hotline_operator` was.
 */
export const RECORDED_ROLES = ['hotline_operator', 'hq_duty_officer', 'head_of_mission'] as const;

export const ROLES = [...RECORDED_ROLES, ...TOKEN_ROLES] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  /** The missions the caller belongs to (the token's `missions` claim); absent for the clock and old events. */
  readonly missions?: readonly string[];
}

export const GBV_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
  'non_gbv',
] as const;
export type GbvType = (typeof GBV_TYPES)[number];

export const PROTECTION_CATEGORIES = [
  'gbv',
  'trafficking_indicators',
  'labour_exploitation',
  'confiscated_documents',
  'detention_or_arrest',
  'accident_or_illness',
  'death_abroad',
  'undocumented_stay',
  'stranded',
] as const;
export type ProtectionCategory = (typeof PROTECTION_CATEGORIES)[number];

export const VULNERABILITIES = ['minor', 'pregnant', 'disability', 'no_shelter', 'language_needs'] as const;
export type Vulnerability = (typeof VULNERABILITIES)[number];

export const CLOSURE_REASONS = ['needs_met', 'survivor_wish', 'transferred', 'unreachable', 'death'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Every reason a caseworker may give for stopping the clock; the protocol says which are allowed. */
export const PAUSE_REASONS = [
  'survivor_deciding',
  'survivor_unreachable',
  'awaiting_home_authorities',
  'awaiting_host_authorities',
  'awaiting_employer',
  'awaiting_other_party',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const CLINICAL_WINDOWS = ['hiv_pep', 'emergency_contraception'] as const;
export type ClinicalWindowId = (typeof CLINICAL_WINDOWS)[number];

export const CONTACT_CHANNELS = ['phone', 'walk_in', 'video', 'message', 'email', 'home_visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const ESCALATION_LEVELS = [0, 1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
