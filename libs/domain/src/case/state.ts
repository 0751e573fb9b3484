// The state of one case, folded from its events. A discriminated union on `status`, never a bag of flags.
// Times are epoch ms here (events carry ISO strings).
import type { IntakePersonal } from './commands';
import type { Sealed } from '../shared/sealed';
import type { ResponsibleParty, TaskId, Track, WaitsOn, WorkItemId } from '../protocol/protocol-definition';
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
  Stage,
  Vulnerability,
} from '../shared/vocabulary';

export type WorkItemStatus = 'open' | 'in_progress' | 'blocked_on_consent' | 'done' | 'cancelled';

/** A step or a task with its procedural deadline and where it stands on the escalation ladder. */
export interface WorkItem {
  readonly id: WorkItemId;
  readonly kind: 'step' | 'task';
  readonly stage: Stage;
  readonly party: ResponsibleParty;
  /** Whether a pause for her stops this clock (see pauseHolds). */
  readonly waitsOn: WaitsOn;
  readonly track?: Track;
  readonly consentCategory?: ConsentCategory;
  readonly status: WorkItemStatus;
  /** When its clock started (absent while blocked on consent). */
  readonly openedAt?: number;
  readonly dueAt?: number;
  readonly reminderAt?: number;
  readonly blockedSince?: number;
  readonly endedAt?: number;
  readonly reminded: boolean;
  /** When its deadline was recorded missed: from then on its ladder climbs, pause or not. */
  readonly missedAt?: number;
  /** 0: not escalated; 1–3: the highest level notified. */
  readonly escalationLevel: 0 | 1 | 2 | 3;
  /** The instant the current level was due: the next level counts from it. */
  readonly escalatedAt?: number;
  readonly acknowledgedLevel?: 1 | 2 | 3;
  readonly rearmUntil?: number;
}

export type ClinicalWindowStatus = 'open' | 'care_recorded' | 'closed' | 'closed_before_intake' | 'closed_before_known';

export interface ClinicalWindow {
  readonly id: ClinicalWindowId;
  readonly incidentAt: number;
  /** Fixed from the incident; only a corrected incident time moves it (IntakeCorrected). */
  readonly endsAt: number;
  readonly status: ClinicalWindowStatus;
}

export interface ConsentRecord {
  readonly status: 'not_asked' | 'given' | 'refused' | 'withdrawn';
  readonly at?: number;
  readonly by?: string;
  readonly method?: ConsentMethod;
  /** A refusal's re-ask reminder has been given (ConsentReaskDue); a new decision starts a new record. */
  readonly reaskReminded?: true;
}

export interface ConsentException {
  readonly ground: ConsentExceptionGround;
  readonly at: number;
  readonly by: string;
}

export interface PausePeriod {
  readonly reason: PauseReason;
  readonly from: number;
  readonly to?: number;
}

export type IdentityStatus = 'unverified' | 'documents_seen' | 'request_sent' | 'confirmed' | 'not_confirmed';

export interface CaseNote {
  readonly at: number;
  readonly by: string;
  readonly text: Sealed<string>;
}

/** Everything a case knows, whatever its status. */
export interface CaseFile {
  readonly caseId: string;
  readonly protocolVersion: string;
  readonly missionCode: string;
  readonly risk: RiskLevel;
  readonly stage: Stage;
  readonly source: 'hotline' | 'walk_in';
  /** How the report came in: the first contact is most likely by the same channel. */
  readonly channel: ContactChannel;
  /** Danger to life at intake, as reported (triage made it critical). */
  readonly immediateDanger: boolean;
  readonly hotlineEventId?: string;
  readonly openedAt: number;
  readonly countryCode: string;
  readonly city?: string;
  readonly categories: readonly ProtectionCategory[];
  readonly gbvType?: GbvType;
  readonly incidentAt?: number;
  readonly incidentTimeEstimated: boolean;
  readonly minor: boolean;
  readonly vulnerabilities: readonly Vulnerability[];
  readonly assignee?: string;
  /** Caseworkers the case is shared with besides its assignee (CaseShared); absent when shared with nobody. */
  readonly sharedWith?: readonly string[];
  readonly items: Readonly<Partial<Record<WorkItemId, WorkItem>>>;
  readonly windows: Readonly<Partial<Record<ClinicalWindowId, ClinicalWindow>>>;
  readonly consent: Readonly<Record<ConsentCategory, ConsentRecord>>;
  readonly exceptions: Readonly<Partial<Record<ConsentCategory, ConsentException>>>;
  /** Pauses, oldest first; the last one is running when it has no `to`. */
  readonly pauses: readonly PausePeriod[];
  readonly contact: {
    readonly firstReachedAt?: number;
    readonly lastReachedAt?: number;
    readonly failedAttemptsInRow: number;
  };
  readonly identity: IdentityStatus;
  readonly familyIsRiskSource: boolean;
  readonly plan?: { readonly goal: 'return' | 'stay'; readonly tasks: readonly TaskId[]; readonly agreedAt: number };
  /** Last act by a person; clocks firing are not activity. */
  readonly lastActivityAt: number;
  /** The `lastActivityAt` already reported as inactive, so it is reported once. */
  readonly inactivityReportedFor?: number;
  /**
   * Personal data, sealed (the workflow carries ciphertext it cannot read) or opened (where a person reads).
   * After erasure it holds nothing but the instant of the erasure.
   */
  readonly personal: { readonly intake?: IntakePersonal; readonly notes: readonly CaseNote[]; readonly erasedAt?: number };
}

export interface NoCase {
  readonly status: 'none';
}
export interface OpenCaseState extends CaseFile {
  readonly status: 'open';
}
export interface ClosureRequestedState extends CaseFile {
  readonly status: 'closure_requested';
  readonly closure: {
    readonly reason: ClosureReason;
    readonly requestedAt: number;
    readonly requestedBy: string;
    readonly stageBefore: Stage;
  };
}
export interface ClosedState extends CaseFile {
  readonly status: 'closed';
  readonly closedAt: number;
  readonly closureReason: ClosureReason;
  readonly stageBefore: Stage;
}

export type CaseState = NoCase | OpenCaseState | ClosureRequestedState | ClosedState;
/** A case in which work happens and clocks run. */
export type ActiveCase = OpenCaseState | ClosureRequestedState;

export const initialState = (): CaseState => ({ status: 'none' });

export const isActive = (state: CaseState): state is ActiveCase =>
  state.status === 'open' || state.status === 'closure_requested';

export const runningPause = (file: CaseFile): PausePeriod | undefined => {
  const last = file.pauses[file.pauses.length - 1];
  return last && last.to === undefined ? last : undefined;
};

export const isConsentInForce = (file: CaseFile, category: ConsentCategory): boolean =>
  file.consent[category].status === 'given' || file.exceptions[category] !== undefined;
