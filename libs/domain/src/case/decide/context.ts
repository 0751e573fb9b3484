// What every handler needs: the active case, its pinned protocol and mission, and the instant of the decision.
import type { Mission } from '../../missions/mission';
import type { ProtocolDefinition, ProtocolRegistry } from '../../protocol/protocol-definition';
import { DomainError } from '../../shared/domain-error';
import { toIso } from '../../shared/time';
import type { Actor, Role } from '../../shared/vocabulary';
import { CURRENT_SCHEMA_VERSIONS, type CaseEvent } from '../events';
import type { ActiveCase } from '../state';

export interface DecisionContext {
  readonly state: ActiveCase;
  readonly protocol: ProtocolDefinition;
  readonly protocols: ProtocolRegistry;
  readonly mission: Mission;
  readonly now: number;
  /** `now` as the ISO string events carry. */
  readonly at: string;
}

export const atOf = (now: number): string => toIso(now);

/** Drop undefined fields so an event is the same before and after a JSON round trip. */
const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** Build an event at its current schema version; `personal` is kept only when it holds something. */
export const event = <E extends CaseEvent>(
  type: E['type'],
  data: E['data'],
  personal?: NonNullable<E['personal']>,
): E => {
  const kept = personal === undefined ? undefined : compact(personal);
  const withPersonal = kept && Object.keys(kept).length > 0 ? { personal: kept } : {};
  return { type, schemaVersion: CURRENT_SCHEMA_VERSIONS[type], data: compact(data), ...withPersonal } as unknown as E;
};

/** People who work cases. `auditor`, `admin` and integrations command none. */
export const STAFF: readonly Role[] = ['caseworker', 'supervisor', 'hq_duty_officer', 'head_of_mission', 'hq_officer'];

export const requireRole = (actor: Actor, allowed: readonly Role[], what: string): void => {
  if (!allowed.includes(actor.role)) {
    throw new DomainError('FORBIDDEN_ROLE', `${what} is for ${allowed.join(' / ')}, not ${actor.role}`);
  }
};

export const invalid = (message: string): never => {
  throw new DomainError('INVALID_COMMAND', message);
};

export const requireOneOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T => {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return invalid(`${field} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
};

export const requireText = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value.trim() === '') return invalid(`${field} is required`);
  return value;
};
