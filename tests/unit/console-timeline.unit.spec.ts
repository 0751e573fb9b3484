// The console writes each timeline line itself, in Vietnamese or English, from the event's type and facts: every
// event type needs its sentence in both catalogues, and a sentence may only use facts the API sends.
import { TIMELINE_FACT_NAMES, type CaseEvent } from '@baoho/domain';
import { en } from '../../apps/console/web/catalogue-en';
import { vi } from '../../apps/console/web/catalogue-vi';

// A Record over the union: the compiler fails here when an event type is added without being listed.
const EVENT_TYPES: Record<CaseEvent['type'], true> = {
  CaseOpened: true, CaseShared: true, BreakGlassRead: true, ClinicalWindowOpened: true, ClinicalWindowClosedBeforeIntake: true,
  ClinicalWindowClosed: true, ClinicalCareRecorded: true, CaseworkerAssigned: true, ContactRecorded: true, ConsentGiven: true,
  ConsentRefused: true, ConsentWithdrawn: true, ConsentExceptionRecorded: true, SupervisorNotified: true, AssessmentSubmitted: true,
  IdentityDocumentsSeen: true, IdentityVerificationRequested: true, IdentityVerificationAnswered: true, ActionPlanAgreed: true,
  StepOpened: true, StepCompleted: true, TaskOpened: true, TaskBlockedOnConsent: true, TaskStarted: true, TaskCompleted: true,
  TaskCancelled: true, ClockPaused: true, ClockResumed: true, ReminderDue: true, FollowUpDue: true, DeadlineMissed: true,
  CaseEscalated: true, EscalationAcknowledged: true, CaseBecameStuck: true, FollowUpRecorded: true, ClosureRequested: true,
  ClosureRejected: true, CaseClosed: true, CaseReopened: true, NoteAdded: true, PersonalDataErased: true, ProtocolMigrated: true,
  ConsentExceptionLapsed: true, ConsentReaskDue: true, ClinicalWindowClosedBeforeKnown: true, IntakeCorrected: true,
};
/** Events whose sentence depends on an outcome (apps/console/web/timeline.ts: variant). */
const VARIANTS: Partial<Record<CaseEvent['type'], string[]>> = {
  ContactRecorded: ['reached', 'unreachable'],
  FollowUpRecorded: ['reached', 'unreachable'],
  IdentityVerificationAnswered: ['confirmed', 'notConfirmed'],
};

const lineKeys = Object.keys(en).filter((key) => key.startsWith('line.') && key !== 'line.unknown');
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('the console timeline sentences', () => {
  it('exist for every event type, with every outcome variant', () => {
    for (const type of Object.keys(EVENT_TYPES) as CaseEvent['type'][]) {
      const wanted = VARIANTS[type]?.map((v) => `line.${type}.${v}`) ?? [`line.${type}`];
      expect({ type, missing: wanted.filter((key) => !(key in en)) }).toEqual({ type, missing: [] });
    }
    expect(lineKeys.filter((key) => !(key.split('.')[1]! in EVENT_TYPES))).toEqual([]);
  });

  it('use only facts the API sends, the same ones in Vietnamese and English', () => {
    for (const key of lineKeys as Array<keyof typeof en>) {
      const used = placeholders(en[key]);
      expect({ key, unknown: used.filter((name) => !TIMELINE_FACT_NAMES.includes(name)) }).toEqual({ key, unknown: [] });
      expect({ key, vi: placeholders(vi[key]).sort() }).toEqual({ key, vi: [...used].sort() });
      expect(vi[key]).not.toBe(en[key]);
    }
  });
});
