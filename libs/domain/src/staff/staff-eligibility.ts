// Who may be named on a case. Assignment and sharing name a person by user id; a name that is nobody (a typo) or
// somebody who left or works elsewhere would leave the case with nobody working it. So the person must be an active
// member of the staff directory whose missions include the case's mission, and an assignee must be someone who
// holds cases (a caseworker or a supervisor; HQ oversees, it does not hold cases). Pure: the edge looks the member
// up and asks here.
import type { TokenRole } from '../shared/vocabulary';

/** The roles the staff directory holds: the people who work cases. */
export const STAFF_ROLES = ['caseworker', 'supervisor', 'hq_officer'] as const satisfies readonly TokenRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The roles a case may be assigned to. */
export const ASSIGNABLE_ROLES: readonly StaffRole[] = ['caseworker', 'supervisor'];

export interface StaffMember {
  readonly userId: string;
  readonly role: StaffRole;
  readonly missions: readonly string[];
  readonly active: boolean;
}

/** What the person is named as: the case's assignee, or someone it is shared with. */
export type StaffNaming = 'assignee' | 'share';

export const mayBeNamedOnCase = (member: StaffMember | undefined, caseMission: string, as: StaffNaming): boolean =>
  member !== undefined &&
  member.active &&
  member.missions.includes(caseMission) &&
  (as === 'share' || ASSIGNABLE_ROLES.includes(member.role));
