// Protocol 2026.1: the defaults of PROTOCOL.md. Figures PROTOCOL.md does not give are marked
// `invented_default` and are ours to be reviewed by the consular department.
import type { ByRisk, DeadlineRule, ProtocolDefinition } from './protocol-definition';
import { STAGES } from '../shared/vocabulary';

const hours = (h: ByRisk<number>, basis: DeadlineRule['basis'] = 'invented_default'): DeadlineRule => ({
  kind: 'hours_by_risk',
  hours: h,
  basis,
});
const flat = (h: number, basis: DeadlineRule['basis'] = 'invented_default'): DeadlineRule =>
  hours({ critical: h, high: h, standard: h }, basis);

// waitsOn: the steps she is the counterpart of (reaching her, assessing, verifying her identity with her documents
// or her consent, agreeing the plan, following up) wait on her; the implementation and every task wait on a party
// (an authority, a service, or the mission's own logistics), so a pause for her never holds them.
export const PROTOCOL_2026_1: ProtocolDefinition = {
  version: '2026.1',
  title: 'Citizen protection and GBV case management, 2026 edition 1',
  stages: STAGES,
  steps: {
    first_contact: {
      stage: 'engagement',
      party: 'caseworker',
      waitsOn: 'survivor',
      opensOn: 'case opened (counted from intake)',
      deadline: hours({ critical: 1, high: 4, standard: 24 }, 'protocol_default'),
    },
    assessment: {
      stage: 'assessment',
      party: 'caseworker',
      waitsOn: 'survivor',
      opensOn: 'first successful contact',
      deadline: hours({ critical: 24, high: 48, standard: 120 }),
    },
    identity_verification: {
      stage: 'assessment',
      party: 'caseworker',
      waitsOn: 'survivor',
      opensOn: 'first successful contact (documents seen, or a verification request sent)',
      deadline: hours({ critical: 24, high: 48, standard: 72 }),
    },
    action_plan: {
      stage: 'action_plan',
      party: 'caseworker',
      waitsOn: 'survivor',
      opensOn: 'assessment submitted',
      deadline: hours({ critical: 24, high: 72, standard: 168 }),
    },
    implementation: {
      stage: 'implementation',
      party: 'caseworker',
      waitsOn: 'party',
      opensOn: 'action plan agreed; completed once every planned task is done or cancelled',
      deadline: hours({ critical: 14 * 24, high: 30 * 24, standard: 60 * 24 }),
    },
    follow_up_day_7: {
      stage: 'follow_up',
      party: 'caseworker',
      waitsOn: 'survivor',
      opensOn: 'implementation completed; due on day 7, missed after this grace',
      deadline: flat(48),
    },
    follow_up_day_30: {
      stage: 'follow_up',
      party: 'caseworker',
      waitsOn: 'survivor',
      opensOn: 'implementation completed; due on day 30, missed after this grace',
      deadline: flat(48),
    },
  },
  tasks: {
    verification_answer: {
      track: 'identity_verification',
      party: 'verification_authority',
      waitsOn: 'party',
      consentCategory: 'home_authorities',
      deadline: { kind: 'working_days', days: 5, basis: 'protocol_default' },
    },
    family_notification: {
      track: 'family_notification',
      party: 'family_liaison',
      waitsOn: 'party',
      consentCategory: 'family',
      // Counted from the consent for `family` (the task waits, blocked, until consent is in force).
      deadline: flat(48, 'protocol_default'),
    },
    police_report: {
      track: 'host_coordination',
      party: 'host_police',
      waitsOn: 'party',
      consentCategory: 'host_police',
      deadline: hours({ critical: 24, high: 48, standard: 168 }),
    },
    shelter_placement: {
      track: 'host_coordination',
      party: 'shelter',
      waitsOn: 'party',
      consentCategory: 'shelter',
      deadline: hours({ critical: 4, high: 24, standard: 72 }),
    },
    employer_contact: {
      track: 'host_coordination',
      party: 'employer',
      waitsOn: 'party',
      consentCategory: 'employer',
      deadline: flat(168),
    },
    recruitment_agency_contact: {
      track: 'host_coordination',
      party: 'recruitment_agency',
      waitsOn: 'party',
      consentCategory: 'recruitment_agency',
      deadline: flat(168),
    },
    exit_clearance: {
      track: 'host_coordination',
      party: 'host_immigration',
      waitsOn: 'party',
      // None of the ten consent categories covers host immigration: the exit permit is applied for in the
      // survivor's own name with her documents, so no separate consent gate is modelled.
      deadline: flat(240),
    },
    labour_complaint: {
      // Unpaid wages and exploitation reported to the host country's labour authority: shares her case with it.
      track: 'host_coordination',
      party: 'host_labour_authority',
      waitsOn: 'party',
      consentCategory: 'host_labour',
      deadline: flat(168),
    },
    emergency_travel_document: {
      track: 'repatriation',
      party: 'caseworker',
      waitsOn: 'party',
      needsIdentityVerified: true,
      deadline: hours({ critical: 24, high: 48, standard: 120 }),
    },
    repatriation_funding: {
      track: 'repatriation',
      party: 'citizen_protection_fund',
      waitsOn: 'party',
      deadline: hours({ critical: 24, high: 72, standard: 168 }),
    },
    return_programme_funding: {
      // The return paid by an international organisation's programme: applying shares her case with it.
      track: 'repatriation',
      party: 'international_org',
      waitsOn: 'party',
      consentCategory: 'international_org',
      deadline: hours({ critical: 72, high: 168, standard: 240 }),
    },
    flight_booking: {
      track: 'repatriation',
      party: 'caseworker',
      waitsOn: 'party',
      deadline: hours({ critical: 48, high: 120, standard: 240 }),
    },
    escort: {
      track: 'repatriation',
      party: 'caseworker',
      waitsOn: 'party',
      deadline: hours({ critical: 48, high: 120, standard: 240 }),
    },
    reception_notified: {
      track: 'repatriation',
      party: 'reception',
      waitsOn: 'party',
      consentCategory: 'reintegration_service',
      deadline: hours({ critical: 24, high: 48, standard: 72 }),
    },
    handover_confirmed: {
      track: 'repatriation',
      party: 'reception',
      waitsOn: 'party',
      // Reception can only confirm a handover once she can travel (document) and has a seat (flight).
      after: ['emergency_travel_document', 'flight_booking'],
      deadline: hours({ critical: 72, high: 168, standard: 336 }),
    },
  },
  clinicalWindows: {
    hiv_pep: { hoursFromIncident: 72, opensFor: ['rape', 'sexual_assault'], basis: 'standard' },
    emergency_contraception: { hoursFromIncident: 120, opensFor: ['rape', 'sexual_assault'], basis: 'standard' },
  },
  escalation: {
    reminderAtFraction: 0.75,
    level2AfterLevel1Hours: { critical: 1, high: 24, standard: 24 },
    level3AfterLevel2Hours: { critical: 4, high: 48, standard: 48 },
    acknowledgementRearmHours: { critical: 2, high: 24, standard: 24 },
  },
  pause: {
    allowedReasons: ['survivor_deciding', 'survivor_unreachable'],
    unreachableNeedsAttempts: 1,
  },
  stuck: {
    inactivityHours: { critical: 12, high: 48, standard: 168 },
    consentBlockedHours: 48,
    closureAwaitingApprovalHours: 72,
  },
  followUp: {
    daysAfterImplementation: { follow_up_day_7: 7, follow_up_day_30: 30 },
  },
  consent: {
    exceptionLapsesAfterHours: 72,
    reaskAfterRefusalHours: 168,
    basis: 'invented_default',
  },
  closure: {
    reasons: ['needs_met', 'survivor_wish', 'transferred', 'unreachable', 'death'],
    unreachableAfterAttempts: 3,
  },
  triage: {
    recentSexualViolenceHours: 120,
    recentSexualViolenceBasis: 'invented_default',
  },
};
