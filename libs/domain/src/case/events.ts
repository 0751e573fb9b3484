// Events: past-tense facts of a case. `data` holds codes, ids and ISO times only, so it may leave the system;
// `personal` holds what identifies or describes the survivor, so the store encrypts it and the relay drops it.
import type { ResponsibleParty, StepId, TaskId, Track, WaitsOn, WorkItemId } from '../protocol/protocol-definition';
import type {
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
  Role,
  Stage,
  Vulnerability,
} from '../shared/vocabulary';
import type { AssessmentFindings, ErasureReason, IntakePersonal } from './commands';
import type { Sealed } from '../shared/sealed';

interface Event<T extends string, D, P = undefined, V extends number = 1> {
  readonly type: T;
  readonly schemaVersion: V;
  readonly data: D & { readonly at: string };
  readonly personal?: P;
}

/** Who acted, as a user id (never a name). */
interface By {
  readonly by: string;
}

interface Note {
  readonly note?: Sealed<string>;
}

export interface Recipient {
  readonly role: Role;
  readonly contactId: string;
}

export type CaseOpened = Event<
  'CaseOpened',
  By & {
    readonly caseId: string;
    readonly protocolVersion: string;
    readonly missionCode: string;
    readonly source: 'hotline' | 'walk_in';
    readonly hotlineEventId?: string;
    readonly hotlineSource?: string;
    readonly channel: ContactChannel;
    readonly reportedAt: string;
    readonly callerRelation: string;
    readonly language?: string;
    readonly countryCode: string;
    readonly city?: string;
    readonly categories: readonly ProtectionCategory[];
    readonly gbvType?: GbvType;
    readonly incidentAt: string | null;
    readonly incidentTimeEstimated: boolean;
    readonly immediateDanger: boolean;
    readonly minor: boolean;
    readonly vulnerabilities: readonly Vulnerability[];
    readonly risk: RiskLevel;
  },
  IntakePersonal
>;

export type ClinicalWindowOpened = Event<
  'ClinicalWindowOpened',
  { readonly window: ClinicalWindowId; readonly incidentAt: string; readonly endsAt: string }
>;
/** The window had already closed when the case was raised: a fact, not a breach by the mission. */
export type ClinicalWindowClosedBeforeIntake = Event<
  'ClinicalWindowClosedBeforeIntake',
  { readonly window: ClinicalWindowId; readonly incidentAt: string; readonly endsAt: string }
>;
/**
 * The window had already closed when its incident time (or the GBV type that opens it) became known through a
 * correction of the intake: a fact, not a breach by the mission.
 */
export type ClinicalWindowClosedBeforeKnown = Event<
  'ClinicalWindowClosedBeforeKnown',
  { readonly window: ClinicalWindowId; readonly incidentAt: string; readonly endsAt: string }
>;
export type ClinicalWindowClosed = Event<
  'ClinicalWindowClosed',
  { readonly window: ClinicalWindowId; readonly endsAt: string }
>;
export type ClinicalCareRecorded = Event<
  'ClinicalCareRecorded',
  By & { readonly window: ClinicalWindowId },
  { readonly medicalDetails?: Sealed<string> }
>;

export type CaseworkerAssigned = Event<'CaseworkerAssigned', By & { readonly caseworkerId: string }>;

export type ContactRecorded = Event<
  'ContactRecorded',
  By & {
    readonly channel: ContactChannel;
    readonly outcome: 'reached' | 'unreachable';
    /** Unsuccessful attempts in a row, this one included (0 when reached). */
    readonly failedAttemptsInRow: number;
    readonly confidentialityExplained: boolean;
  },
  Note
>;

type ConsentData = By & { readonly category: ConsentCategory; readonly method: ConsentMethod };
export type ConsentGiven = Event<'ConsentGiven', ConsentData, undefined, 2>;
export type ConsentRefused = Event<'ConsentRefused', ConsentData>;
export type ConsentWithdrawn = Event<'ConsentWithdrawn', ConsentData>;
export type ConsentExceptionRecorded = Event<
  'ConsentExceptionRecorded',
  By & { readonly category: ConsentCategory; readonly ground: ConsentExceptionGround },
  { readonly reason: Sealed<string> }
>;
/** The exception's period (protocol `consent.exceptionLapsesAfterHours`) ran out: it is no longer in force. */
export type ConsentExceptionLapsed = Event<
  'ConsentExceptionLapsed',
  { readonly category: ConsentCategory; readonly ground: ConsentExceptionGround; readonly recordedAt: string }
>;
/** Time to ask her again about a category she refused (protocol `consent.reaskAfterRefusalHours`). */
export type ConsentReaskDue = Event<
  'ConsentReaskDue',
  { readonly category: ConsentCategory; readonly refusedAt: string; readonly recipient: Recipient }
>;
export type SupervisorNotified = Event<
  'SupervisorNotified',
  {
    readonly subject: 'consent_exception';
    readonly category: ConsentCategory;
    readonly ground: ConsentExceptionGround;
    readonly invokedBy: string;
    readonly recipient: Recipient;
  }
>;

export type AssessmentSubmitted = Event<
  'AssessmentSubmitted',
  By & AssessmentFindings,
  { readonly notes?: Sealed<string>; readonly medicalDetails?: Sealed<string> }
>;

export type IdentityDocumentsSeen = Event<
  'IdentityDocumentsSeen',
  By & { readonly document: 'passport' | 'national_id' | 'other' },
  { readonly documentNumber?: Sealed<string> }
>;
export type IdentityVerificationRequested = Event<'IdentityVerificationRequested', By>;
export type IdentityVerificationAnswered = Event<'IdentityVerificationAnswered', By & { readonly confirmed: boolean }>;

export type ActionPlanAgreed = Event<
  'ActionPlanAgreed',
  By & { readonly goal: 'return' | 'stay'; readonly tasks: readonly TaskId[] }
>;

export type StepOpened = Event<
  'StepOpened',
  {
    readonly step: StepId;
    readonly stage: Stage;
    readonly party: ResponsibleParty;
    /** Absent in events written before items said so: every clock stopped in a pause then, and folds so. */
    readonly waitsOn?: WaitsOn;
    readonly dueAt: string;
    /** Level 0: 75 % of the deadline, or for a follow-up its due date. */
    readonly reminderAt: string;
  }
>;
export type StepCompleted = Event<'StepCompleted', By & { readonly step: StepId }>;

export type TaskOpened = Event<
  'TaskOpened',
  {
    readonly task: TaskId;
    readonly track: Track;
    readonly party: ResponsibleParty;
    /** As StepOpened's. */
    readonly waitsOn?: WaitsOn;
    readonly consentCategory?: ConsentCategory;
    readonly dueAt: string;
    readonly reminderAt: string;
  }
>;
/** Planned, but its clock cannot start: consent for its recipient is not in force. */
export type TaskBlockedOnConsent = Event<
  'TaskBlockedOnConsent',
  { readonly task: TaskId; readonly track: Track; readonly party: ResponsibleParty; readonly category: ConsentCategory }
>;
export type TaskStarted = Event<'TaskStarted', By & { readonly task: TaskId }>;
export type TaskCompleted = Event<'TaskCompleted', By & { readonly task: TaskId; readonly outcome?: string }, Note>;
export type TaskCancelled = Event<
  'TaskCancelled',
  By & { readonly task: TaskId; readonly reason: 'consent_withdrawn' | 'consent_refused' }
>;

export type ClockPaused = Event<'ClockPaused', By & { readonly reason: PauseReason }>;
export interface DeadlineShift {
  readonly item: WorkItemId;
  readonly dueAt: { readonly from: string; readonly to: string };
  readonly reminderAt: { readonly from: string; readonly to: string };
}
export type ClockResumed = Event<
  'ClockResumed',
  By & {
    /** Sealed: free text from the caseworker (the relay leaves it out). */
    readonly reason?: Sealed<string>;
    readonly pausedAt: string;
    readonly pausedMs: number;
    readonly shifts: readonly DeadlineShift[];
  }
>;

export type ReminderDue = Event<
  'ReminderDue',
  { readonly item: WorkItemId; readonly dueAt: string; readonly recipient: Recipient }
>;
export type FollowUpDue = Event<
  'FollowUpDue',
  { readonly item: WorkItemId; readonly dueAt: string; readonly recipient: Recipient }
>;
export type DeadlineMissed = Event<'DeadlineMissed', { readonly item: WorkItemId; readonly dueAt: string }>;
export type CaseEscalated = Event<
  'CaseEscalated',
  { readonly item: WorkItemId; readonly level: 1 | 2 | 3; readonly scheduledAt: string; readonly recipient: Recipient }
>;
export type EscalationAcknowledged = Event<
  'EscalationAcknowledged',
  By & { readonly item: WorkItemId; readonly level: 1 | 2 | 3; readonly rearmUntil: string }
>;
export type CaseBecameStuck = Event<'CaseBecameStuck', { readonly reason: 'inactivity'; readonly since: string }>;

export type FollowUpRecorded = Event<
  'FollowUpRecorded',
  By & { readonly step: 'follow_up_day_7' | 'follow_up_day_30'; readonly outcome: 'reached' | 'unreachable' },
  Note
>;

export type ClosureRequested = Event<'ClosureRequested', By & { readonly reason: ClosureReason }>;
export type ClosureRejected = Event<'ClosureRejected', By, Note>;
export type CaseClosed = Event<'CaseClosed', By & { readonly reason: ClosureReason }>;
/**
 * `step` and `stage`: where work resumes (a StepOpened for `step` follows). Absent in events written before a
 * reopened case resumed a step: such a case resumed nothing, and folds so.
 */
export type CaseReopened = Event<'CaseReopened', By & { readonly step?: StepId; readonly stage?: Stage }, Note>;
export type NoteAdded = Event<'NoteAdded', By, { readonly text: Sealed<string> }>;
/** The case's data key was destroyed: its personal parts, wherever they are, can no longer be read. */
export type PersonalDataErased = Event<'PersonalDataErased', By & { readonly reason: ErasureReason }>;
export type ProtocolMigrated = Event<
  'ProtocolMigrated',
  By & {
    readonly fromVersion: string;
    readonly toVersion: string;
    readonly deadlines: readonly { readonly item: WorkItemId; readonly dueAt: string; readonly reminderAt: string }[];
  }
>;

export interface Correction<T> {
  readonly from: T;
  readonly to: T;
}
/** Each corrected field of the intake, from what it was to what it is. */
export interface IntakeCorrections {
  readonly risk?: Correction<RiskLevel>;
  readonly gbvType?: Correction<GbvType | null>;
  readonly incidentAt?: Correction<string | null>;
  readonly incidentTimeEstimated?: Correction<boolean>;
  readonly categories?: Correction<readonly ProtectionCategory[]>;
  readonly vulnerabilities?: Correction<readonly Vulnerability[]>;
}
export type IntakeField = keyof IntakeCorrections;
export type IntakeCorrected = Event<
  'IntakeCorrected',
  By & {
    /** The corrected fields' names (the keys of `corrections`). */
    readonly changed: readonly IntakeField[];
    readonly corrections: IntakeCorrections;
    /** Running deadlines recomputed for a corrected risk, as ProtocolMigrated's (time added by pauses kept). */
    readonly deadlines: readonly { readonly item: WorkItemId; readonly dueAt: string; readonly reminderAt: string }[];
    /** Open clinical windows whose end moved with a corrected incident time (still ahead). */
    readonly windows: readonly { readonly window: ClinicalWindowId; readonly incidentAt: string; readonly endsAt: string }[];
    /** Windows that no longer apply to the corrected GBV type (care already recorded stays). */
    readonly withdrawnWindows: readonly ClinicalWindowId[];
  },
  /** Why: free text of the person correcting, sealed. */
  { readonly reason: Sealed<string> }
>;

export type CaseShared = Event<'CaseShared', By & { readonly userId: string }>;
/** A read outside the reader's scope. `role` is the reader's; the reason is personal (free text). */
export type BreakGlassRead = Event<'BreakGlassRead', By & { readonly role: Role; readonly recipient: Recipient }, { readonly reason: string }>;

export type CaseEvent =
  | CaseOpened
  | CaseShared
  | BreakGlassRead
  | ClinicalWindowOpened
  | ClinicalWindowClosedBeforeIntake
  | ClinicalWindowClosedBeforeKnown
  | ClinicalWindowClosed
  | ClinicalCareRecorded
  | CaseworkerAssigned
  | ContactRecorded
  | ConsentGiven
  | ConsentRefused
  | ConsentWithdrawn
  | ConsentExceptionRecorded
  | ConsentExceptionLapsed
  | ConsentReaskDue
  | SupervisorNotified
  | AssessmentSubmitted
  | IdentityDocumentsSeen
  | IdentityVerificationRequested
  | IdentityVerificationAnswered
  | ActionPlanAgreed
  | StepOpened
  | StepCompleted
  | TaskOpened
  | TaskBlockedOnConsent
  | TaskStarted
  | TaskCompleted
  | TaskCancelled
  | ClockPaused
  | ClockResumed
  | ReminderDue
  | FollowUpDue
  | DeadlineMissed
  | CaseEscalated
  | EscalationAcknowledged
  | CaseBecameStuck
  | FollowUpRecorded
  | ClosureRequested
  | ClosureRejected
  | CaseClosed
  | CaseReopened
  | NoteAdded
  | PersonalDataErased
  | ProtocolMigrated
  | IntakeCorrected;

export type CaseEventType = CaseEvent['type'];

/** The schema version each event type is written at today (upcast brings older ones here). */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<CaseEventType, number>> = {
  CaseOpened: 1,
  ClinicalWindowOpened: 1,
  ClinicalWindowClosedBeforeIntake: 1,
  ClinicalWindowClosedBeforeKnown: 1,
  ClinicalWindowClosed: 1,
  ClinicalCareRecorded: 1,
  CaseworkerAssigned: 1,
  ContactRecorded: 1,
  ConsentGiven: 2,
  ConsentRefused: 1,
  ConsentWithdrawn: 1,
  ConsentExceptionRecorded: 1,
  ConsentExceptionLapsed: 1,
  ConsentReaskDue: 1,
  SupervisorNotified: 1,
  AssessmentSubmitted: 1,
  IdentityDocumentsSeen: 1,
  IdentityVerificationRequested: 1,
  IdentityVerificationAnswered: 1,
  ActionPlanAgreed: 1,
  StepOpened: 1,
  StepCompleted: 1,
  TaskOpened: 1,
  TaskBlockedOnConsent: 1,
  TaskStarted: 1,
  TaskCompleted: 1,
  TaskCancelled: 1,
  ClockPaused: 1,
  ClockResumed: 1,
  ReminderDue: 1,
  FollowUpDue: 1,
  DeadlineMissed: 1,
  CaseEscalated: 1,
  EscalationAcknowledged: 1,
  CaseBecameStuck: 1,
  FollowUpRecorded: 1,
  ClosureRequested: 1,
  ClosureRejected: 1,
  CaseClosed: 1,
  CaseReopened: 1,
  NoteAdded: 1,
  PersonalDataErased: 1,
  ProtocolMigrated: 1,
  IntakeCorrected: 1,
  CaseShared: 1,
  BreakGlassRead: 1,
};
