// Commands and times the specifications share. Every case gets its own id.
import {
  decide,
  fold,
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type OpenCase,
} from '../../src/index';

export const T0 = Date.parse('2026-11-22T03:14:00Z');
export const minutes = (n: number): number => n * 60_000;
export const hours = (n: number): number => n * 3_600_000;
export const days = (n: number): number => n * 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const caseworker: Actor = { userId: 'cw-1', role: 'caseworker' };
export const supervisor: Actor = { userId: 'sup-1', role: 'supervisor' };
export const hqOfficer: Actor = { userId: 'hq-1', role: 'hq_duty_officer' };
export const hotline: Actor = { userId: 'hotline-bot', role: 'hotline_operator' };

let counter = 0;
const id = (): string => `cmd-${++counter}`;

type Body<C extends CaseCommand> = Omit<C, 'commandId' | 'actor' | 'type'> & { actor?: Actor };
type Cmd<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

/** A command of `type` from a caseworker unless another actor is given. */
export const command = <T extends Exclude<CaseCommand['type'], 'CheckClocks'>>(
  type: T,
  body: Body<Cmd<T>> = {} as Body<Cmd<T>>,
): Cmd<T> => ({ type, commandId: id(), actor: caseworker, ...body }) as unknown as Cmd<T>;

export const checkClocks: CaseCommand = { type: 'CheckClocks' };

/** The hotline event of PROTOCOL.md: immediate danger, sexual assault the evening before → critical. */
export const hotlineReport = (overrides: Partial<OpenCase> = {}): OpenCase => ({
  type: 'OpenCase',
  commandId: id(),
  actor: hotline,
  caseId: `case-${++counter}`,
  source: 'hotline',
  hotlineEventId: 'hl-2026-11-22-000187',
  hotlineSource: 'citizen-protection-hotline',
  channel: 'phone',
  reportedAt: iso(T0),
  callerRelation: 'self',
  language: 'vi',
  countryCode: 'KR',
  city: 'Ansan',
  categories: ['gbv', 'confiscated_documents', 'labour_exploitation'],
  gbvType: 'sexual_assault',
  incidentAt: '2026-11-21T20:00:00Z',
  immediateDanger: true,
  minor: false,
  personal: {
    caller: { phone: '+82 10-5555-0101' },
    subject: { fullName: 'Nguyễn Thị Hoa', sex: 'F', dateOfBirth: '1998-04-12', passportNumber: null, hometownProvince: 'Nghệ An' },
    narrative: 'Caller reports assault by employer, passport held by employer, wants to go home.',
  },
  ...overrides,
});

/** A walk-in with wage theft only: standard risk, no clinical window. */
export const standardReport = (overrides: Partial<OpenCase> = {}): OpenCase =>
  hotlineReport({
    source: 'walk_in',
    channel: 'walk_in',
    hotlineEventId: undefined,
    categories: ['labour_exploitation'],
    gbvType: undefined,
    incidentAt: null,
    immediateDanger: false,
    city: 'Seoul',
    ...overrides,
  });

export type Step = readonly [CaseCommand, number];

/** Run commands through decide and evolve, returning the history they produce. */
export const history = (steps: readonly Step[], from: readonly CaseEvent[] = []): CaseEvent[] => {
  const events = [...from];
  let state: CaseState = fold(events);
  for (const [cmd, now] of steps) {
    const produced = decide(state, cmd, now);
    state = fold(produced, state);
    events.push(...produced);
  }
  return events;
};

/** Open, assign, reach her, and assess: a case in action planning. */
export const assessedCase = (report: OpenCase = standardReport(), assessment: Partial<Cmd<'SubmitAssessment'>> = {}) =>
  history([
    [report, T0],
    [command('AssignCaseworker', { actor: supervisor, caseworkerId: 'cw-1' }), T0 + minutes(5)],
    [command('RecordContact', { channel: 'phone', outcome: 'reached', confidentialityExplained: true }), T0 + minutes(10)],
    [
      command('SubmitAssessment', {
        needs: { safety: true, medical: false, shelter: true, legal: true, psychosocial: true },
        wish: 'return',
        familyIsRiskSource: false,
        safetyPlanAgreed: true,
        ...assessment,
      }),
      T0 + hours(1),
    ],
  ]);
