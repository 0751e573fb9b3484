// Which token roles may send which command at all (403 FORBIDDEN_ROLE before the case is asked), and so which
// commands a caller is offered in a case reading. The domain checks the same again (`requireRole`); this table
// only refuses early and tells the console what to show.
import type { TokenRole } from '@baoho/domain';
import type { CommandRoute } from '../cases/command-routes';
import { CASE_STAFF } from './roles';

const OVERSIGHT: readonly TokenRole[] = ['supervisor', 'hq_officer'];

const ONLY: Partial<Record<CommandRoute['type'], readonly TokenRole[]>> = {
  AssignCaseworker: OVERSIGHT,
  ShareCase: OVERSIGHT,
  AcknowledgeEscalation: OVERSIGHT,
  // Re-triage is the case's caseworker's and the supervisor's (the domain allows nobody else).
  CorrectIntake: ['caseworker', 'supervisor'],
  // PROTOCOL.md: closure is the supervisor's decision (the domain allows nobody else).
  ApproveClosure: ['supervisor'],
  RejectClosure: ['supervisor'],
  // PROTOCOL.md: only a supervisor moves a case to a newer protocol version (the domain allows nobody else).
  MigrateProtocol: ['supervisor'],
  // Erasure destroys the case's key: the platform admin's act, never a caseworker's (see ERASURE_ROLES).
  ErasePersonalData: ['admin'],
};

export function rolesFor(type: CommandRoute['type']): readonly TokenRole[] {
  return ONLY[type] ?? CASE_STAFF;
}

export function mayCommand(role: string, type: CommandRoute['type']): boolean {
  return (rolesFor(type) as readonly string[]).includes(role);
}
