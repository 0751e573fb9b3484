// Which commands the signed-in user may send on a case: the case reading's `permittedCommands` (the command paths
// of POST /v1/cases/{caseId}/<path> the API computed for the caller's role). The console keeps no copy of the
// role rules: nothing is offered that the reading does not list.

export type CommandPath =
  | 'assignment' | 'contacts' | 'consents/given' | 'consents/refused' | 'consents/withdrawn' | 'assessment'
  | 'steps/completed' | 'pause' | 'resume' | 'escalations/acknowledged' | 'notes' | 'closure/requested'
  | 'closure/approved' | 'closure/rejected' | 'shares' | 'consent-exceptions' | 'identity-verification' | 'action-plan'
  | 'tasks/started' | 'tasks/completed' | 'clinical-care' | 'follow-ups' | 'reopened' | 'erasure' | 'intake-correction'
  | 'protocol-migration';

/** Who reads the supervisors' lists (the API's OVERSEERS). */
export const SUPERVISING_ROLES = ['supervisor', 'hq_officer'];

export function mayRun(command: CommandPath, permittedCommands?: readonly string[]): boolean {
  return permittedCommands?.includes(command) ?? false;
}
