// Commands for workflow tests, with the times and actors of the domain's own specifications.
import type { Actor, OpenCase } from '@baoho/domain';
import type { PersonCommand as WorkflowPersonCommand } from '@baoho/workflows';

export const caseworker: Actor = { userId: 'cw-1', role: 'caseworker' };
export const supervisor: Actor = { userId: 'sup-1', role: 'supervisor' };
export const hqOfficer: Actor = { userId: 'hq-1', role: 'hq_duty_officer' };
export const hotline: Actor = { userId: 'hotline-bot', role: 'hotline_operator' };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let counter = 0;
const nextId = (prefix: string): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

type Body<T extends WorkflowPersonCommand['type']> = Omit<Extract<WorkflowPersonCommand, { type: T }>, 'commandId' | 'actor' | 'type'> & {
  actor?: Actor;
};

/** A command of `type` from the caseworker unless another actor is given; each has a fresh command id. */
export const command = <T extends WorkflowPersonCommand['type']>(type: T, body = {} as Body<T>): Extract<WorkflowPersonCommand, { type: T }> =>
  ({ type, commandId: nextId('cmd'), actor: caseworker, ...body }) as unknown as Extract<WorkflowPersonCommand, { type: T }>;

export const newCaseId = (): string => nextId('case');

/**
 * The hotline event of PROTOCOL.md as an OpenCase: sexual assault the evening before, immediate danger →
 * critical, with both clinical windows running from `incidentAt`.
 */
export const hotlineReport = (reportedAt: number, overrides: Partial<OpenCase> = {}): OpenCase => ({
  type: 'OpenCase',
  commandId: nextId('cmd'),
  actor: hotline,
  caseId: newCaseId(),
  source: 'hotline',
  hotlineEventId: nextId('hl'),
  hotlineSource: 'citizen-protection-hotline',
  channel: 'phone',
  reportedAt: new Date(reportedAt).toISOString(),
  callerRelation: 'self',
  language: 'vi',
  countryCode: 'KR',
  city: 'Ansan',
  categories: ['gbv', 'confiscated_documents', 'labour_exploitation'],
  gbvType: 'sexual_assault',
  incidentAt: new Date(reportedAt - 7 * HOUR).toISOString(),
  immediateDanger: true,
  minor: false,
  personal: {
    caller: { phone: '+82 10-5555-0101' },
    subject: { fullName: 'Nguyễn Thị Hoa', sex: 'F', dateOfBirth: '1998-04-12', passportNumber: null, hometownProvince: 'Nghệ An' },
    narrative: 'Caller reports assault by employer, passport held by employer, wants to go home.',
  },
  ...overrides,
});

/** A walk-in about wage theft only: standard risk, no clinical window. */
export const walkInReport = (reportedAt: number, overrides: Partial<OpenCase> = {}): OpenCase =>
  hotlineReport(reportedAt, {
    source: 'walk_in',
    channel: 'walk_in',
    hotlineEventId: undefined,
    hotlineSource: undefined,
    categories: ['labour_exploitation'],
    gbvType: undefined,
    incidentAt: null,
    immediateDanger: false,
    city: 'Seoul',
    ...overrides,
  });
