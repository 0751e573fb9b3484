// Random command sequences for property tests: a report, a walk some way down the happy path, then any commands at
// any pace. `run` feeds them to `decide`, keeping what the domain accepts.
import fc from 'fast-check';
import {
  CONSENT_CATEGORIES,
  PAUSE_REASONS,
  TASK_IDS,
  CLOSURE_REASONS,
  decide,
  evolve,
  isDomainError,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type WorkItemId,
} from '../../src/index';
import { caseworker, checkClocks, command, days, hotlineReport, hours, hqOfficer, iso, standardReport, supervisor, T0 } from './fixtures';

const plannable = TASK_IDS.filter((t) => t !== 'verification_answer');
const items: WorkItemId[] = ['first_contact', 'assessment', 'identity_verification', 'action_plan', 'implementation', ...plannable];

const commandArb: fc.Arbitrary<CaseCommand> = fc.oneof(
  { arbitrary: fc.constant(checkClocks), weight: 4 },
  fc.constant(command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' })),
  fc.constantFrom('reached', 'unreachable' as const).map((outcome) => command('RecordContact', { channel: 'phone', outcome })),
  fc
    .tuple(fc.constantFrom('GiveConsent', 'RefuseConsent', 'WithdrawConsent' as const), fc.constantFrom(...CONSENT_CATEGORIES))
    .map(([type, category]) => command(type, { category, method: 'spoken' })),
  fc.constantFrom(...CONSENT_CATEGORIES).map((category) =>
    command('RecordConsentException', { category, ground: 'imminent_danger', reason: 'danger to life' }),
  ),
  fc.boolean().map((familyIsRiskSource) =>
    command('SubmitAssessment', {
      needs: { safety: true, medical: true, shelter: false, legal: true, psychosocial: true },
      wish: 'return',
      familyIsRiskSource,
      safetyPlanAgreed: true,
    }),
  ),
  fc
    .constantFrom(
      { kind: 'documents_seen', document: 'passport' } as const,
      { kind: 'request_sent' } as const,
      { kind: 'answer_received', confirmed: true } as const,
      { kind: 'answer_received', confirmed: false } as const,
    )
    .map((outcome) => command('RecordIdentityVerification', { outcome })),
  fc.subarray([...plannable], { minLength: 1, maxLength: 4 }).map((tasks) => command('AgreeActionPlan', { goal: 'return', tasks })),
  fc.constantFrom(...plannable).map((task) => command('StartTask', { task })),
  { arbitrary: fc.constantFrom(...plannable).map((task) => command('CompleteTask', { task })), weight: 2 },
  fc.constant(command('CompleteStep', { step: 'implementation' })),
  fc.constantFrom(...PAUSE_REASONS).map((reason) => command('PauseClock', { reason })),
  { arbitrary: fc.constant(command('PauseClock', { reason: 'survivor_deciding' })), weight: 2 },
  { arbitrary: fc.constant(command('ResumeClock', {})), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...items), fc.constantFrom(supervisor, hqOfficer, caseworker))
      .map(([item, actor]) => command('AcknowledgeEscalation', { actor, item })),
    weight: 2,
  },
  {
    arbitrary: fc
      .constantFrom('first_contact', 'assessment', 'identity_verification', 'action_plan' as const)
      .map((item) => command('AcknowledgeEscalation', { actor: supervisor, item })),
    weight: 2,
  },
  {
    arbitrary: fc
      .constantFrom('family', 'host_police', 'shelter', 'employer', 'reintegration_service' as const)
      .map((category) => command('WithdrawConsent', { category, method: 'spoken' })),
    weight: 2,
  },
  fc.constantFrom('hiv_pep', 'emergency_contraception' as const).map((window) => command('RecordClinicalCare', { window })),
  fc
    .tuple(fc.constantFrom('follow_up_day_7', 'follow_up_day_30' as const), fc.constantFrom('reached', 'unreachable' as const))
    .map(([step, outcome]) => command('RecordFollowUp', { step, outcome })),
  fc.constantFrom(...CLOSURE_REASONS).map((reason) => command('RequestClosure', { reason })),
  { arbitrary: fc.constant(command('ApproveClosure', { actor: supervisor })), weight: 2 },
  fc.constant(command('RejectClosure', { actor: supervisor })),
  { arbitrary: fc.constant(command('ReopenCase', {})), weight: 2 },
  fc.constant(command('AddNote', { text: 'private note' })),
  fc.constant(command('MigrateProtocol', { actor: supervisor, toVersion: '2026.1' })),
  // Re-triage and corrections; the reason is personal text that must never reach event data.
  fc.constantFrom(
    command('CorrectIntake', { reason: 'danger to life, she said', risk: 'critical' }),
    command('CorrectIntake', { actor: supervisor, reason: 'danger to life, she said', risk: 'standard' }),
    command('CorrectIntake', { reason: 'danger to life, she said', gbvType: 'rape', incidentAt: iso(T0 - hours(30)) }),
    command('CorrectIntake', { reason: 'danger to life, she said', incidentAt: iso(T0 - hours(100)), incidentTimeEstimated: true }),
    command('CorrectIntake', { reason: 'danger to life, she said', gbvType: 'physical_assault', vulnerabilities: ['minor'] }),
  ),
);

const reportArb = fc.constantFrom(
  hotlineReport(),
  hotlineReport({ immediateDanger: false }),
  hotlineReport({ incidentAt: iso(T0 - hours(100)), immediateDanger: false }),
  standardReport(),
);

const stepArb = fc.tuple(commandArb, fc.oneof(fc.integer({ min: 0, max: hours(3) }), fc.integer({ min: 0, max: days(6) })));

export interface Run {
  readonly events: CaseEvent[];
  /** The state after each accepted command, with the command and the events it produced. */
  readonly trail: { before: CaseState; after: CaseState; command: CaseCommand; now: number; produced: CaseEvent[] }[];
}

/** Feed the commands to decide, keeping what is accepted; any error other than a DomainError fails the run. */
export const run = (report: CaseCommand, steps: readonly [CaseCommand, number][]): Run => {
  let now = T0;
  let state: CaseState = { status: 'none' };
  const events: CaseEvent[] = [];
  const trail: Run['trail'] = [];
  for (const [cmd, delta] of [[report, 0] as const, ...steps]) {
    now += delta;
    let produced: CaseEvent[];
    try {
      produced = decide(state, cmd, now);
    } catch (error) {
      if (isDomainError(error) && error.code !== 'INVALID_EVENT') continue;
      throw error;
    }
    // decide never emits an event evolve rejects: this fold throws if it did.
    const after: CaseState = produced.reduce<CaseState>((s, e) => evolve(s, e), state);
    trail.push({ before: state, after, command: cmd, now, produced });
    events.push(...produced);
    state = after;
  }
  return { events, trail };
};

/** The happy path, so random sequences start from every stage rather than mostly from intake. */
const happyPath = (familyIsRiskSource: boolean, tasks: string[]): [CaseCommand, number][] => [
  [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), hours(0.1)],
  [command('RecordContact', { channel: 'phone', outcome: 'reached' }), hours(0.3)],
  [
    command('SubmitAssessment', {
      needs: { safety: true, medical: true, shelter: true, legal: true, psychosocial: true },
      wish: 'return',
      familyIsRiskSource,
      safetyPlanAgreed: true,
    }),
    hours(2),
  ],
  [command('AgreeActionPlan', { goal: 'return', tasks: tasks as never }), hours(1)],
];
const prefixArb = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.subarray([...plannable], { minLength: 1 }))
  .map(([n, risky, tasks]) => happyPath(risky, tasks).slice(0, n));

export const sequences = fc
  .tuple(reportArb, prefixArb, fc.array(stepArb, { maxLength: 60, size: 'large' }))
  .map(([report, prefix, steps]) => [report, [...prefix, ...steps]] as const);
