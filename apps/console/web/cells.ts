// Cells every list shows the same way: a case number that links to the case, a risk level in words and colour,
// a mission by name, a deadline on the mission's clock.
import { h } from './dom.js';
import { label, t } from './i18n.js';
import { missionName } from './missions.js';
import { formatInstant } from './time.js';

export const caseLink = (caseId: string): HTMLElement => h('a', { href: `#/case/${encodeURIComponent(caseId)}` }, caseId);

export const riskChip = (risk: string): HTMLElement => h('span', { class: `chip risk-${risk}` }, label('risk', risk));

export const missionCell = (code: string): string => missionName(code);

export function dueCell(nextDueAt: string | null, overdue: boolean, mission: string): HTMLElement {
  return h('span', { class: overdue ? 'overdue' : '' }, nextDueAt ? formatInstant(nextDueAt, mission) : t('inbox.noDeadline'), overdue ? ` (${t('inbox.overdue')})` : '');
}
