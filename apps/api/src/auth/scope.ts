// Which cases a caller may see, from the token alone: headquarters every mission; a supervisor every case of
// their missions; a caseworker the cases of their missions assigned (or shared) to them; nobody else any case.
// The same rule is applied in SQL to every list and to each case read or commanded (outside it: 404, never 403).
import type { Actor } from '@baoho/domain';

export type CaseScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'missions'; readonly missions: readonly string[] }
  | { readonly kind: 'own'; readonly missions: readonly string[]; readonly userId: string }
  | { readonly kind: 'none' };

export type ScopedActor = Actor & { readonly missions?: readonly string[] };

export function scopeOf(actor: ScopedActor): CaseScope {
  const missions = actor.missions ?? [];
  switch (actor.role) {
    case 'hq_officer':
      return { kind: 'all' };
    case 'supervisor':
      return { kind: 'missions', missions };
    case 'caseworker':
      return { kind: 'own', missions, userId: actor.userId };
    default:
      return { kind: 'none' };
  }
}

/** What the scope needs to know of a case: its mission, its assignee and who it is shared with. */
export interface CaseAccessFacts {
  readonly mission: string;
  readonly assignee: string | null;
  readonly sharedWith: readonly string[];
}

export function inScope(scope: CaseScope, facts: CaseAccessFacts): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'missions':
      return scope.missions.includes(facts.mission);
    case 'own':
      return scope.missions.includes(facts.mission) && (facts.assignee === scope.userId || facts.sharedWith.includes(scope.userId));
    case 'none':
      return false;
  }
}

/**
 * The scope as WHERE clauses over `case_summary` (alias `prefix`), each with one `$ARG` and its value. `none`
 * is a clause that is never true, so a list answers empty rather than everything.
 */
export function scopeClauses(scope: CaseScope, prefix = ''): Array<[clause: string, value: unknown]> {
  switch (scope.kind) {
    case 'all':
      return [];
    case 'missions':
      return [missionClause(scope.missions, prefix)];
    case 'own':
      return [
        missionClause(scope.missions, prefix),
        [`$ARG = ANY(array_append(${prefix}shared_with, ${prefix}assignee))`, scope.userId],
      ];
    case 'none':
      return [['$ARG', false]];
  }
}

/** The missions a supervisors' view may cover: the one asked for if in scope (else none), or all of the scope's. */
export function missionFilter(scope: CaseScope, requested: string | undefined): readonly string[] | null {
  if (scope.kind === 'all') return requested ? [requested] : null;
  if (scope.kind === 'none') return [];
  if (requested) return scope.missions.includes(requested) ? [requested] : [];
  return scope.missions;
}

/**
 * One mission (most users) as plain equality: with `= ANY(array)` PostgreSQL cannot take the worklists' order
 * from their (mission, …) indexes and sorts every matching row instead.
 */
export function missionClause(missions: readonly string[], prefix = ''): [clause: string, value: unknown] {
  return missions.length === 1 ? [`${prefix}mission = $ARG`, missions[0]] : [`${prefix}mission = ANY($ARG::text[])`, [...missions]];
}
