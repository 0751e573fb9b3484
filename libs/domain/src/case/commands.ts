// Commands: what a person (or the clock) asks the case to do. Imperative names; decide may refuse them.
import type { StepId, TaskId, WorkItemId } from '../protocol/protocol-definition';
import type {
  Actor,
  ClinicalWindowId,
  ClosureReason,
  ConsentCategory,
  ConsentExceptionGround,
  ConsentMethod,
  ContactChannel,
  GbvType,
  PauseReason,
  ProtectionCategory,
  RiskLevel,
  Vulnerability,
} from '../shared/vocabulary';
import type { Sealed } from '../shared/sealed';

interface ByPerson {
  /** Unique per command; the edge uses it to deduplicate retries. */
  readonly commandId: string;
  readonly actor: Actor;
}

/** Personal data of the intake, as the hotline or the caseworker gives it (plain; only the edge sees it so). */
export interface PlainIntakePersonal {
  readonly caller?: { readonly phone?: string | null };
  readonly subject?: {
    readonly fullName?: string | null;
    readonly sex?: string | null;
    readonly dateOfBirth?: string | null;
    readonly passportNumber?: string | null;
    readonly hometownProvince?: string | null;
  };
  readonly narrative?: string | null;
}

/** Every text of a plain personal part replaced by its sealed form (the shape stays; the values are ciphertext). */
export type SealedFields<T> = T extends string
  ? Sealed<T>
  : T extends null | undefined | number | boolean
    ? T
    : { readonly [K in keyof T]: SealedFields<T[K]> };

/** Personal data of the intake as commands and events carry it: each value sealed with the case's key. */
export type IntakePersonal = SealedFields<PlainIntakePersonal>;

export interface OpenCase extends ByPerson {
  readonly type: 'OpenCase';
  readonly caseId: string;
  readonly source: 'hotline' | 'walk_in';
  /** The hotline's event id (idempotency across redeliveries), absent for a walk-in. */
  readonly hotlineEventId?: string;
  readonly hotlineSource?: string;
  readonly channel: ContactChannel;
  /** ISO time of the report; deadlines count from it (never from later than now). */
  readonly reportedAt?: string;
  readonly callerRelation: 'self' | 'family' | 'friend' | 'employer' | 'ngo' | 'other';
  readonly language?: string;
  readonly countryCode: string;
  readonly city?: string;
  readonly categories: readonly ProtectionCategory[];
  readonly gbvType?: GbvType;
  /** ISO time of the incident; null or absent when unknown. */
  readonly incidentAt?: string | null;
  readonly incidentTimeEstimated?: boolean;
  readonly immediateDanger: boolean;
  readonly minor: boolean;
  readonly vulnerabilities?: readonly Vulnerability[];
  readonly personal?: IntakePersonal;
}

export interface AssignCaseworker extends ByPerson {
  readonly type: 'AssignCaseworker';
  readonly caseworkerId: string;
}

export interface RecordContact extends ByPerson {
  readonly type: 'RecordContact';
  readonly channel: ContactChannel;
  readonly outcome: 'reached' | 'unreachable';
  /** Whether confidentiality and its limits (mandatory reporting) were explained. */
  readonly confidentialityExplained?: boolean;
  readonly note?: Sealed<string>;
}

interface ConsentDecision extends ByPerson {
  readonly category: ConsentCategory;
  readonly method: Exclude<ConsentMethod, 'not_recorded'>;
}
export interface GiveConsent extends ConsentDecision {
  readonly type: 'GiveConsent';
}
export interface RefuseConsent extends ConsentDecision {
  readonly type: 'RefuseConsent';
}
export interface WithdrawConsent extends ConsentDecision {
  readonly type: 'WithdrawConsent';
}

export interface RecordConsentException extends ByPerson {
  readonly type: 'RecordConsentException';
  readonly category: ConsentCategory;
  readonly ground: ConsentExceptionGround;
  readonly reason: Sealed<string>;
}

/** What an assessment finds (GBV step 2), as the command carries it and the AssessmentSubmitted event records it. */
export interface AssessmentFindings {
  readonly needs: {
    readonly safety: boolean;
    readonly medical: boolean;
    readonly shelter: boolean;
    readonly legal: boolean;
    readonly psychosocial: boolean;
  };
  readonly wish: 'return' | 'stay' | 'undecided';
  readonly familyIsRiskSource: boolean;
  readonly safetyPlanAgreed: boolean;
}

export interface SubmitAssessment extends ByPerson, AssessmentFindings {
  readonly type: 'SubmitAssessment';
  readonly notes?: Sealed<string>;
  readonly medicalDetails?: Sealed<string>;
}

export type IdentityVerificationOutcome =
  | { readonly kind: 'documents_seen'; readonly document: 'passport' | 'national_id' | 'other' }
  | { readonly kind: 'request_sent' }
  | { readonly kind: 'answer_received'; readonly confirmed: boolean };

export interface RecordIdentityVerification extends ByPerson {
  readonly type: 'RecordIdentityVerification';
  readonly outcome: IdentityVerificationOutcome;
  readonly documentNumber?: Sealed<string>;
}

export interface AgreeActionPlan extends ByPerson {
  readonly type: 'AgreeActionPlan';
  readonly goal: 'return' | 'stay';
  readonly tasks: readonly TaskId[];
}

export interface StartTask extends ByPerson {
  readonly type: 'StartTask';
  readonly task: TaskId;
}

export interface CompleteTask extends ByPerson {
  readonly type: 'CompleteTask';
  readonly task: TaskId;
  /** A code for how it ended (e.g. the funding source); free text goes in `note`. */
  readonly outcome?: string;
  readonly note?: Sealed<string>;
}

export interface CompleteStep extends ByPerson {
  readonly type: 'CompleteStep';
  readonly step: StepId;
}

export interface PauseClock extends ByPerson {
  readonly type: 'PauseClock';
  readonly reason: PauseReason;
}

export interface ResumeClock extends ByPerson {
  readonly type: 'ResumeClock';
  readonly reason?: Sealed<string>;
}

export interface AcknowledgeEscalation extends ByPerson {
  readonly type: 'AcknowledgeEscalation';
  readonly item: WorkItemId;
}

export interface RecordClinicalCare extends ByPerson {
  readonly type: 'RecordClinicalCare';
  readonly window: ClinicalWindowId;
  readonly medicalDetails?: Sealed<string>;
}

export interface RecordFollowUp extends ByPerson {
  readonly type: 'RecordFollowUp';
  readonly step: 'follow_up_day_7' | 'follow_up_day_30';
  readonly outcome: 'reached' | 'unreachable';
  readonly note?: Sealed<string>;
}

export interface RequestClosure extends ByPerson {
  readonly type: 'RequestClosure';
  readonly reason: ClosureReason;
}

export interface ApproveClosure extends ByPerson {
  readonly type: 'ApproveClosure';
}

export interface RejectClosure extends ByPerson {
  readonly type: 'RejectClosure';
  readonly note?: Sealed<string>;
}

export interface ReopenCase extends ByPerson {
  readonly type: 'ReopenCase';
  /**
   * The step work resumes at, with a fresh deadline. Absent: the step that was open when the case closed (the
   * earliest, if several were), else the earliest step the case had that is not done, else the assessment.
   */
  readonly step?: StepId;
  readonly note?: Sealed<string>;
}

/**
 * Correct what intake recorded, or re-triage: any of these, with a reason (free text, so personal: sealed). The
 * risk changes only when named: the person re-triaging decides it. Deadlines of running steps and tasks are
 * recomputed for a new risk by the case's pinned protocol; clinical windows follow a newly known incident time.
 */
export interface CorrectIntake extends ByPerson {
  readonly type: 'CorrectIntake';
  readonly reason: Sealed<string>;
  readonly risk?: RiskLevel;
  readonly gbvType?: GbvType;
  /** ISO time of the incident, now known (or better known); not later than now. */
  readonly incidentAt?: string;
  readonly incidentTimeEstimated?: boolean;
  readonly categories?: readonly ProtectionCategory[];
  readonly vulnerabilities?: readonly Vulnerability[];
}

export interface AddNote extends ByPerson {
  readonly type: 'AddNote';
  readonly text: Sealed<string>;
}

export interface MigrateProtocol extends ByPerson {
  readonly type: 'MigrateProtocol';
  readonly toVersion: string;
}

/**
 * Erase the case's personal data: the edge destroys the case's data key (so every sealed value of the case, in
 * the log, the read models and the rejection store, is unreadable for good) and this records the fact. The case
 * keeps its codes, timings and outcomes, so it still counts in the indicators.
 */
export interface ErasePersonalData extends ByPerson {
  readonly type: 'ErasePersonalData';
  readonly reason: ErasureReason;
}

export const ERASURE_REASONS = ['subject_request', 'retention_expired', 'legal_order'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** The clock's own command: the workflow sends it at nextWakeUp(state). */
export interface CheckClocks {
  readonly type: 'CheckClocks';
}

/** A supervisor lets another caseworker of the mission see and work the case besides its assignee. */
export interface ShareCase extends ByPerson {
  readonly type: 'ShareCase';
  readonly userId: string;
}

/** Someone read the case outside their scope, on purpose and with a reason: recorded, and the supervisor told. */
export interface RecordBreakGlass extends ByPerson {
  readonly type: 'RecordBreakGlass';
  /** Why: free text, so personal (kept in the event's personal part, never published). */
  readonly reason: string;
}

export type CaseCommand =
  | OpenCase
  | ShareCase
  | RecordBreakGlass
  | AssignCaseworker
  | RecordContact
  | GiveConsent
  | RefuseConsent
  | WithdrawConsent
  | RecordConsentException
  | SubmitAssessment
  | RecordIdentityVerification
  | AgreeActionPlan
  | StartTask
  | CompleteTask
  | CompleteStep
  | PauseClock
  | ResumeClock
  | AcknowledgeEscalation
  | RecordClinicalCare
  | RecordFollowUp
  | RequestClosure
  | ApproveClosure
  | RejectClosure
  | ReopenCase
  | CorrectIntake
  | AddNote
  | MigrateProtocol
  | ErasePersonalData
  | CheckClocks;

export type CaseCommandType = CaseCommand['type'];

/**
 * Which fields of each command are personal (sealed by the edge before the command reaches the workflow). One
 * table, so the API and the intake seal exactly what the events keep in their `personal` part.
 */
export const PERSONAL_COMMAND_FIELDS = {
  OpenCase: ['personal'],
  RecordContact: ['note'],
  RecordConsentException: ['reason'],
  SubmitAssessment: ['notes', 'medicalDetails'],
  RecordIdentityVerification: ['documentNumber'],
  CompleteTask: ['note'],
  ResumeClock: ['reason'],
  RecordClinicalCare: ['medicalDetails'],
  RecordFollowUp: ['note'],
  RejectClosure: ['note'],
  ReopenCase: ['note'],
  CorrectIntake: ['reason'],
  AddNote: ['text'],
  RecordBreakGlass: ['reason'],
} as const satisfies { readonly [K in CaseCommandType]?: readonly (keyof Extract<CaseCommand, { type: K }>)[] };
