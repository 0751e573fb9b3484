// A protocol version is data: every configurable figure of PROTOCOL.md lives here, so a case can pin the
// version it opened under and a newer version changes new cases only.
import type {
  ClinicalWindowId,
  ClosureReason,
  ConsentCategory,
  GbvType,
  PauseReason,
  RiskLevel,
  Stage,
} from '../shared/vocabulary';

/**
 * Where a figure comes from: `standard` (published clinical/legal source, never weakened),
 * `protocol_default` (stated in PROTOCOL.md), `invented_default` (PROTOCOL.md gives none; ours, to review).
 */
export type FigureBasis = 'standard' | 'protocol_default' | 'invented_default';

export type ByRisk<T> = Readonly<Record<RiskLevel, T>>;

export type DeadlineRule =
  | { readonly kind: 'hours_by_risk'; readonly hours: ByRisk<number>; readonly basis: FigureBasis }
  /** Working days on the mission's calendar (its time zone and weekend); public holidays are not modelled. */
  | { readonly kind: 'working_days'; readonly days: number; readonly basis: FigureBasis };

export const STEP_IDS = [
  'first_contact',
  'assessment',
  'identity_verification',
  'action_plan',
  'implementation',
  'follow_up_day_7',
  'follow_up_day_30',
] as const;
export type StepId = (typeof STEP_IDS)[number];
export type FollowUpStepId = 'follow_up_day_7' | 'follow_up_day_30';
export const FOLLOW_UP_STEPS: readonly FollowUpStepId[] = ['follow_up_day_7', 'follow_up_day_30'];

export const TRACKS = ['identity_verification', 'family_notification', 'host_coordination', 'repatriation'] as const;
export type Track = (typeof TRACKS)[number];

export const TASK_IDS = [
  'verification_answer',
  'family_notification',
  'police_report',
  'shelter_placement',
  'employer_contact',
  'recruitment_agency_contact',
  'exit_clearance',
  'labour_complaint',
  'emergency_travel_document',
  'repatriation_funding',
  'return_programme_funding',
  'flight_booking',
  'escort',
  'reception_notified',
  'handover_confirmed',
] as const;
export type TaskId = (typeof TASK_IDS)[number];

/** Steps and tasks share one clock machinery; an item id is either. */
export type WorkItemId = StepId | TaskId;

/** Who must act for the item to move. */
export type ResponsibleParty =
  | 'caseworker'
  | 'supervisor'
  | 'verification_authority'
  | 'family_liaison'
  | 'host_police'
  | 'shelter'
  | 'employer'
  | 'recruitment_agency'
  | 'host_immigration'
  | 'host_labour_authority'
  | 'citizen_protection_fund'
  | 'international_org'
  | 'reception';

/**
 * Whom an item's progress waits on. `survivor`: it moves only with her (reaching her, assessing or planning with
 * her, following up), so a pause while she decides or cannot be reached stops its clock. `party`: it waits on an
 * authority, a service or the mission's own work; a pause never stops it, since that is when escalation matters most.
 */
export type WaitsOn = 'survivor' | 'party';

export interface StepDefinition {
  readonly stage: Stage;
  readonly party: ResponsibleParty;
  readonly waitsOn: WaitsOn;
  /** Plain words: what opens the step (documentation; decide encodes it). */
  readonly opensOn: string;
  readonly deadline: DeadlineRule;
}

export interface TaskDefinition {
  readonly track: Track;
  readonly party: ResponsibleParty;
  readonly waitsOn: WaitsOn;
  /** Set when doing the task shares the survivor's information with that recipient. */
  readonly consentCategory?: ConsentCategory;
  readonly needsIdentityVerified?: boolean;
  /** Tasks that must be done before this one can be completed (its order in the track). */
  readonly after?: readonly TaskId[];
  readonly deadline: DeadlineRule;
}

export interface ClinicalWindowDefinition {
  readonly hoursFromIncident: number;
  readonly opensFor: readonly GbvType[];
  readonly basis: 'standard';
}

export interface EscalationLadder {
  /** Level 0 (reminder to the caseworker) fires at this fraction of the deadline's duration. */
  readonly reminderAtFraction: number;
  readonly level2AfterLevel1Hours: ByRisk<number>;
  readonly level3AfterLevel2Hours: ByRisk<number>;
  /** An acknowledgement holds the climb for this long. */
  readonly acknowledgementRearmHours: ByRisk<number>;
}

export interface ProtocolDefinition {
  readonly version: string;
  readonly title: string;
  readonly stages: readonly Stage[];
  readonly steps: Readonly<Record<StepId, StepDefinition>>;
  readonly tasks: Readonly<Record<TaskId, TaskDefinition>>;
  readonly clinicalWindows: Readonly<Record<ClinicalWindowId, ClinicalWindowDefinition>>;
  readonly escalation: EscalationLadder;
  readonly pause: {
    /** Only waits on the survivor stop the clock; waits on authorities are when escalation matters most. */
    readonly allowedReasons: readonly PauseReason[];
    /** Unsuccessful contact attempts that must be logged before `survivor_unreachable` may pause. */
    readonly unreachableNeedsAttempts: number;
  };
  readonly stuck: {
    readonly inactivityHours: ByRisk<number>;
    readonly consentBlockedHours: number;
    readonly closureAwaitingApprovalHours: number;
  };
  readonly followUp: {
    /**
     * Days after the implementation ends at which each follow-up contact is due (FollowUpDue fires then); the
     * follow-up step's own deadline rule is the grace after that date before it counts as missed.
     */
    readonly daysAfterImplementation: Readonly<Record<FollowUpStepId, number>>;
  };
  readonly consent: {
    /**
     * A consent exception (danger, a minor, a legal duty) stops being in force this long after it was recorded:
     * what it let go ahead without her consent waits for consent again unless the exception is recorded anew.
     */
    readonly exceptionLapsesAfterHours: number;
    /** After she refuses, the caseworker is reminded to ask her again this long after (consent is re-asked). */
    readonly reaskAfterRefusalHours: number;
    readonly basis: FigureBasis;
  };
  readonly closure: {
    readonly reasons: readonly ClosureReason[];
    readonly unreachableAfterAttempts: number;
  };
  readonly triage: {
    /** Sexual violence this recent (or at an unknown time) makes a case at least `high`. */
    readonly recentSexualViolenceHours: number;
    readonly recentSexualViolenceBasis: FigureBasis;
  };
}

export type ProtocolRegistry = Readonly<Record<string, ProtocolDefinition>>;
