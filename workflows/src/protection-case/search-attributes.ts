// The case as Temporal's visibility sees it, so supervisors (and `temporal workflow list`) can find stuck cases
// without the database: stage, risk, escalation level, next due time, mission, status.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseView } from '@baoho/domain';

export const CASE_SEARCH_ATTRIBUTES = {
  stage: defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD),
  risk: defineSearchAttributeKey('CaseRiskLevel', SearchAttributeType.KEYWORD),
  escalationLevel: defineSearchAttributeKey('CaseEscalationLevel', SearchAttributeType.INT),
  nextDueAt: defineSearchAttributeKey('CaseNextDueAt', SearchAttributeType.DATETIME),
  mission: defineSearchAttributeKey('CaseMission', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD),
} as const;

/** Plain values, comparable between two moments so the workflow upserts only what changed. */
export interface CaseSearchValues {
  readonly stage: string;
  readonly risk: string;
  readonly escalationLevel: number;
  /** ISO time of the soonest running deadline; null when none runs. */
  readonly nextDueAt: string | null;
  readonly mission: string;
  readonly status: string;
}

export const searchValuesOf = (view: CaseView): CaseSearchValues => ({
  stage: view.stage,
  risk: view.risk,
  escalationLevel: view.escalationLevel,
  nextDueAt: view.openItems[0]?.dueAt ?? null,
  mission: view.missionCode,
  status: view.status,
});

/** The upserts that move visibility from `before` (undefined: nothing set yet) to `after`. */
export const searchAttributeChanges = (
  before: CaseSearchValues | undefined,
  after: CaseSearchValues,
): SearchAttributeUpdatePair[] => {
  const k = CASE_SEARCH_ATTRIBUTES;
  const changes: SearchAttributeUpdatePair[] = [];
  if (before?.stage !== after.stage) changes.push({ key: k.stage, value: after.stage });
  if (before?.risk !== after.risk) changes.push({ key: k.risk, value: after.risk });
  if (before?.escalationLevel !== after.escalationLevel) changes.push({ key: k.escalationLevel, value: after.escalationLevel });
  if (before?.nextDueAt !== after.nextDueAt) {
    // A null value removes the attribute: a case with nothing running is due for nothing.
    changes.push({ key: k.nextDueAt, value: after.nextDueAt === null ? null : new Date(after.nextDueAt) });
  }
  if (before?.mission !== after.mission) changes.push({ key: k.mission, value: after.mission });
  if (before?.status !== after.status) changes.push({ key: k.status, value: after.status });
  return changes;
};
