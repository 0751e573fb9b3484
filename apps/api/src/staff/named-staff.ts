// The commands that name a person (assignment, sharing) are checked against the staff directory before they reach
// the case's workflow: a name that is nobody, somebody deactivated or of another mission is refused with 422
// UNKNOWN_STAFF and nothing is appended. The rule is the domain's (`mayBeNamedOnCase`); this looks the person up.
import { mayBeNamedOnCase, type StaffNaming } from '@baoho/domain';
import { HttpProblem } from '@baoho/http';
import type { CommandRoute } from '../cases/command-routes';
import type { StaffDirectory } from './staff-directory';

/** Whom a command names, and as what; undefined for a command that names nobody. */
export function namedStaff(type: CommandRoute['type'], input: Record<string, unknown>): { userId: string; as: StaffNaming; field: string } | undefined {
  switch (type) {
    case 'AssignCaseworker':
      return { userId: String(input['caseworkerId']), as: 'assignee', field: 'caseworkerId' };
    case 'ShareCase':
      return { userId: String(input['userId']), as: 'share', field: 'userId' };
    default:
      return undefined;
  }
}

/** Throws 422 UNKNOWN_STAFF unless the person the command names may be named on a case of `caseMission`. */
export async function requireNamedStaff(directory: StaffDirectory, type: CommandRoute['type'], input: Record<string, unknown>, caseMission: string): Promise<void> {
  const named = namedStaff(type, input);
  if (!named) return;
  if (mayBeNamedOnCase(await directory.member(named.userId), caseMission, named.as)) return;
  const who = named.as === 'assignee' ? 'an active caseworker or supervisor' : 'an active staff member';
  throw new HttpProblem(422, 'UNKNOWN_STAFF', 'Unknown staff member', `${named.field} is not ${who} of the case's mission in the staff directory`, {
    issues: [{ path: named.field, code: 'unknown_staff' }],
  });
}
