// Refusals carry a stable code: the API maps codes to problem details, Temporal validators to rejections.
export const DOMAIN_ERROR_CODES = [
  'CONSENT_REQUIRED',
  'STEP_NOT_OPEN',
  'TASK_NOT_OPEN',
  'IDENTITY_NOT_VERIFIED',
  /** A task completed before the tasks the protocol puts before it are done (e.g. a handover before the flight). */
  'PREREQUISITES_NOT_DONE',
  'CASE_CLOSED',
  'CASE_NOT_OPEN',
  'CASE_ALREADY_OPEN',
  'APPROVAL_REQUIRED',
  'CLOSURE_NOT_REQUESTED',
  'FORBIDDEN_ROLE',
  'PAUSE_NOT_ALLOWED',
  'NOT_PAUSED',
  'ALREADY_PAUSED',
  /** A pause for her decision before anyone has reached her. */
  'SURVIVOR_NOT_REACHED',
  'NO_ESCALATION',
  'FAMILY_IS_RISK_SOURCE',
  'NOT_ENOUGH_CONTACT_ATTEMPTS',
  'INVALID_COMMAND',
  'INVALID_EVENT',
  'UNKNOWN_PROTOCOL_VERSION',
  /** A migration to a protocol version older than the one the case follows: versions only move forward. */
  'PROTOCOL_DOWNGRADE',
  'PERSONAL_DATA_ERASED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
