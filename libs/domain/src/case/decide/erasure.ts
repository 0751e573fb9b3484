// Erasure of a case's personal data: recorded once, by the platform's `admin` (or a head of mission, the role
// that could erase before tokens existed). What makes the data unreadable is the edge destroying the case's key;
// this fact is what the log keeps of it.
import { DomainError } from '../../shared/domain-error';
import type { ErasePersonalData } from '../commands';
import { ERASURE_REASONS } from '../commands';
import type { CaseEvent, PersonalDataErased } from '../events';
import type { CaseFile } from '../state';
import { atOf, event, requireOneOf, requireRole } from './context';

export const ERASURE_ROLES = ['admin', 'head_of_mission'] as const;

export const decideErasePersonalData = (state: CaseFile, c: ErasePersonalData, now: number): CaseEvent[] => {
  requireRole(c.actor, ERASURE_ROLES, 'erasing personal data');
  const reason = requireOneOf(c.reason, ERASURE_REASONS, 'reason');
  if (state.personal.erasedAt !== undefined) {
    throw new DomainError('PERSONAL_DATA_ERASED', 'the personal data of this case is already erased');
  }
  return [event<PersonalDataErased>('PersonalDataErased', { at: atOf(now), by: c.actor.userId, reason })];
};
