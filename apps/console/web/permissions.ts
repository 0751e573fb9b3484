// Which commands the signed-in user may send on a case. When the API's case reading carries `permittedCommands`
// (the command paths of POST /v1/cases/{caseId}/<path>), that list decides; until then the roles the domain requires for each command decide
// (libs/domain/src/case/decide: requireRole, with the token roles), so the console never offers what the API
// would refuse by role. Scope (the token's missions) is the API's to check.

export type CommandPath =
  | 'assignment' | 'contacts' | 'consents/given' | 'consents/refused' | 'consents/withdrawn' | 'assessment'
  | 'steps/completed' | 'pause' | 'resume' | 'escalations/acknowledged' | 'notes' | 'closure/requested'
  | 'closure/approved' | 'closure/rejected' | 'shares' | 'consent-exceptions' | 'identity-verification' | 'action-plan'
  | 'tasks/started' | 'tasks/completed' | 'clinical-care' | 'follow-ups' | 'reopened' | 'erasure';

const STAFF = ['caseworker', 'supervisor', 'hq_officer'];
const ROLES_FOR: Record<CommandPath, readonly string[]> = {
  assignment: ['supervisor', 'hq_officer'],
  contacts: STAFF,
  'consents/given': STAFF,
  'consents/refused': STAFF,
  'consents/withdrawn': STAFF,
  assessment: STAFF,
  'steps/completed': STAFF,
  pause: STAFF,
  resume: STAFF,
  'escalations/acknowledged': ['supervisor', 'hq_officer'],
  notes: STAFF,
  'closure/requested': STAFF,
  'closure/approved': ['supervisor'],
  'closure/rejected': ['supervisor'],
  shares: ['supervisor', 'hq_officer'],
  'consent-exceptions': STAFF,
  'identity-verification': STAFF,
  'action-plan': STAFF,
  'tasks/started': STAFF,
  'tasks/completed': STAFF,
  'clinical-care': STAFF,
  'follow-ups': STAFF,
  reopened: STAFF,
  erasure: ['admin'],
};

/** Who reads the supervisors' lists (the API's OVERSEERS). */
export const SUPERVISING_ROLES = ['supervisor', 'hq_officer'];

export function mayRun(command: CommandPath, role: string, permittedCommands?: readonly string[]): boolean {
  if (permittedCommands) return permittedCommands.includes(command);
  return ROLES_FOR[command].includes(role);
}
