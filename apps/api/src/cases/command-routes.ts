// Every command of the protocol as an HTTP route: POST /v1/cases/:caseId/<path>. One table, so the routes, their
// body schemas and the OpenAPI document cannot drift apart. Bodies carry only what the person decides; the
// actor comes from authentication and the command id from the Idempotency-Key.
import { z } from 'zod';
import {
  CLINICAL_WINDOWS,
  CLOSURE_REASONS,
  CONSENT_CATEGORIES,
  CONSENT_EXCEPTION_GROUNDS,
  CONSENT_METHODS,
  CONTACT_CHANNELS,
  ERASURE_REASONS,
  GBV_TYPES,
  PAUSE_REASONS,
  PROTECTION_CATEGORIES,
  RISK_LEVELS,
  STEP_IDS,
  TASK_IDS,
  VULNERABILITIES,
} from '@baoho/domain';
import type { PersonCommand } from '@baoho/workflows';
import { storableText } from '../http/storable-text';

const text = (max: number) => storableText(z.string().trim().min(1).max(max));
const note = text(4_000).optional();
const workItem = z.enum([...STEP_IDS, ...TASK_IDS]);
const consent = z.strictObject({ category: z.enum(CONSENT_CATEGORIES), method: z.enum(CONSENT_METHODS) });

export interface CommandRoute {
  readonly path: string;
  readonly type: Exclude<PersonCommand['type'], 'OpenCase'>;
  readonly summary: string;
  readonly body: z.ZodType<Record<string, unknown>>;
}

const route = (path: string, type: CommandRoute['type'], summary: string, body: z.ZodType<Record<string, unknown>>): CommandRoute => ({
  path,
  type,
  summary,
  body,
});

export const COMMAND_ROUTES: readonly CommandRoute[] = [
  route('assignment', 'AssignCaseworker', 'Assign the case to an active caseworker or supervisor of its mission in the staff directory, else 422 UNKNOWN_STAFF (supervisor, HQ).', z.strictObject({ caseworkerId: text(128) })),
  route('shares', 'ShareCase', 'Share the case with an active staff member of its mission in the staff directory (else 422 UNKNOWN_STAFF), who then sees and works it (supervisor, HQ).', z.strictObject({ userId: text(128).pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/)) })),
  route('contacts', 'RecordContact', 'Record a contact attempt with the survivor.', z.strictObject({
    channel: z.enum(CONTACT_CHANNELS),
    outcome: z.enum(['reached', 'unreachable']),
    confidentialityExplained: z.boolean().optional(),
    note,
  })),
  route('consents/given', 'GiveConsent', 'Record consent given for a recipient category.', consent),
  route('consents/refused', 'RefuseConsent', 'Record consent refused for a recipient category.', consent),
  route('consents/withdrawn', 'WithdrawConsent', 'Record consent withdrawn; pending actions towards that recipient are cancelled.', consent),
  route('consent-exceptions', 'RecordConsentException', 'Act without consent on a recorded ground (notifies the supervisor).', z.strictObject({
    category: z.enum(CONSENT_CATEGORIES),
    ground: z.enum(CONSENT_EXCEPTION_GROUNDS),
    reason: text(2_000),
  })),
  route('assessment', 'SubmitAssessment', 'Submit the safety and needs assessment.', z.strictObject({
    needs: z.strictObject({ safety: z.boolean(), medical: z.boolean(), shelter: z.boolean(), legal: z.boolean(), psychosocial: z.boolean() }),
    wish: z.enum(['return', 'stay', 'undecided']),
    familyIsRiskSource: z.boolean(),
    safetyPlanAgreed: z.boolean(),
    notes: text(10_000).optional(),
    medicalDetails: text(10_000).optional(),
  })),
  route('identity-verification', 'RecordIdentityVerification', 'Record documents seen, a verification request, or its answer.', z.strictObject({
    outcome: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('documents_seen'), document: z.enum(['passport', 'national_id', 'other']) }),
      z.strictObject({ kind: z.literal('request_sent') }),
      z.strictObject({ kind: z.literal('answer_received'), confirmed: z.boolean() }),
    ]),
    documentNumber: text(40).optional(),
  })),
  route('action-plan', 'AgreeActionPlan', 'Agree the action plan and its tasks with the survivor.', z.strictObject({
    goal: z.enum(['return', 'stay']),
    tasks: z.array(z.enum(TASK_IDS)).min(1).max(TASK_IDS.length),
  })),
  route('tasks/started', 'StartTask', 'Start a task.', z.strictObject({ task: z.enum(TASK_IDS) })),
  route('tasks/completed', 'CompleteTask', 'Complete a task.', z.strictObject({ task: z.enum(TASK_IDS), outcome: text(64).optional(), note })),
  route('steps/completed', 'CompleteStep', 'Complete a step.', z.strictObject({ step: z.enum(STEP_IDS) })),
  route('pause', 'PauseClock', 'Pause the clocks that wait on the survivor (her decision: once she was reached; unreachable: after a logged attempt). Clocks waiting on authorities and escalations already climbing run on.', z.strictObject({ reason: z.enum(PAUSE_REASONS) })),
  route('resume', 'ResumeClock', 'Resume the procedural clocks.', z.strictObject({ reason: text(500).optional() })),
  route('escalations/acknowledged', 'AcknowledgeEscalation', 'Acknowledge an escalation (stops the climb for the re-arm period).', z.strictObject({ item: workItem })),
  route('clinical-care', 'RecordClinicalCare', 'Record clinical care within a clinical window.', z.strictObject({
    window: z.enum(CLINICAL_WINDOWS),
    medicalDetails: text(10_000).optional(),
  })),
  route('follow-ups', 'RecordFollowUp', 'Record a follow-up contact.', z.strictObject({
    step: z.enum(['follow_up_day_7', 'follow_up_day_30']),
    outcome: z.enum(['reached', 'unreachable']),
    note,
  })),
  route('closure/requested', 'RequestClosure', 'Request closure with a reason (needs a supervisor’s approval).', z.strictObject({ reason: z.enum(CLOSURE_REASONS) })),
  route('closure/approved', 'ApproveClosure', 'Approve the requested closure (supervisor).', z.strictObject({})),
  route('closure/rejected', 'RejectClosure', 'Reject the requested closure (supervisor).', z.strictObject({ note })),
  route('reopened', 'ReopenCase', 'Reopen a closed case; its history is kept and work resumes at `step` (default: the step open at closure, else the earliest not done, else the assessment) with a fresh deadline.', z.strictObject({
    step: z.enum(STEP_IDS).optional(),
    note,
  })),
  route('intake-correction', 'CorrectIntake', 'Correct the intake or re-triage (caseworker, supervisor), with a reason: risk (running deadlines are recomputed by the case’s protocol), GBV type, incident time (clinical windows follow it) and whether it is estimated, categories, vulnerabilities. Only what is sent changes; at least one field must change.', z.strictObject({
    reason: text(2_000),
    risk: z.enum(RISK_LEVELS).optional(),
    gbvType: z.enum(GBV_TYPES).optional(),
    incidentAt: z.iso.datetime({ offset: true }).optional(),
    incidentTimeEstimated: z.boolean().optional(),
    categories: z.array(z.enum(PROTECTION_CATEGORIES)).min(1).max(PROTECTION_CATEGORIES.length).optional(),
    vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).optional(),
  })),
  route('protocol-migration', 'MigrateProtocol', 'Move the case to a newer protocol version (supervisor): its running deadlines are recomputed under that version, keeping time added by pauses. An unknown version is 422 UNKNOWN_PROTOCOL_VERSION, an older one 422 PROTOCOL_DOWNGRADE, the version it already follows 422 INVALID_COMMAND.', z.strictObject({
    toVersion: text(32).pipe(z.string().regex(/^[0-9A-Za-z._-]+$/)),
  })),
  route('notes', 'AddNote', 'Add a confidential note.', z.strictObject({ text: text(10_000) })),
  route('erasure', 'ErasePersonalData', 'Erase the personal data of the case (admin only): its data key is destroyed, so names, contacts, documents, narrative and notes are unreadable everywhere; codes, times and outcomes stay for the indicators.', z.strictObject({
    reason: z.enum(ERASURE_REASONS),
  })),
];

export const commandRouteByPath = new Map(COMMAND_ROUTES.map((r) => [r.path, r]));
