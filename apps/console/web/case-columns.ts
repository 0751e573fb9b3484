// The columns every list of cases shares, written once: a case number that links to the case, its mission, risk,
// stage, next deadline, escalation level and caseworker, each sortable.
import { caseLink, dueCell, missionCell, riskChip } from './cells.js';
import { label, t } from './i18n.js';
import { riskRank, type Column } from './table.js';
import { STAGES } from '../../../libs/domain/src/shared/vocabulary.js';

export interface CaseRow { caseId: string; mission: string; stage: string; risk: string; assignee: string | null }
export interface DueRow extends CaseRow { nextDueAt: string | null; overdue: boolean; escalationLevel: number }

export const caseColumn = <T extends CaseRow>(): Column<T> => ({ header: t('col.case'), cell: (r) => caseLink(r.caseId), sortBy: (r) => r.caseId });
export const missionColumn = <T extends { mission: string }>(): Column<T> => ({ header: t('col.mission'), cell: (r) => missionCell(r.mission), sortBy: (r) => missionCell(r.mission) });
export const riskColumn = <T extends { risk: string }>(): Column<T> => ({ header: t('col.risk'), cell: (r) => riskChip(r.risk), sortBy: (r) => riskRank(r.risk) });
export const stageColumn = <T extends CaseRow>(): Column<T> => ({ header: t('col.stage'), cell: (r) => label('stage', r.stage), sortBy: (r) => STAGES.indexOf(r.stage as never) });
export const dueColumn = <T extends DueRow>(): Column<T> => ({ header: t('col.nextDue'), cell: (r) => dueCell(r.nextDueAt, r.overdue, r.mission), sortBy: (r) => r.nextDueAt ?? '9' });
export const levelColumn = <T extends DueRow>(): Column<T> => ({ header: t('col.level'), cell: (r) => String(r.escalationLevel), sortBy: (r) => r.escalationLevel });
export const assigneeColumn = <T extends CaseRow>(): Column<T> => ({ header: t('col.assignee'), cell: (r) => r.assignee ?? t('case.unassigned'), sortBy: (r) => r.assignee ?? '' });
