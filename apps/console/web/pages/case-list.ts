// A filtered list of cases (GET /v1/cases): the filters live in the address (#/cases?stage=…&risk=…), so a board
// cell links straight to its cases and a list can be shared with a colleague; columns sort. Nearest deadline
// first, as the API orders it.
import { get } from '../api.js';
import { caseLink, dueCell, missionCell, riskChip } from '../cells.js';
import { h } from '../dom.js';
import { select } from '../forms.js';
import { label, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { fingerprint, keepFresh } from '../live.js';
import { MISSION_CODES, missionName } from '../missions.js';
import { showData, showEmpty, showFailed, showLoading } from '../states.js';
import { riskRank, sortableTable } from '../table.js';
import { PROTECTION_CATEGORIES, RISK_LEVELS, STAGES } from '../../../../libs/domain/src/shared/vocabulary.js';

interface Row { caseId: string; mission: string; stage: string; risk: string; assignee: string | null; nextDueAt: string | null; overdue: boolean; escalationLevel: number }

const FILTERS = ['mission', 'stage', 'risk', 'category', 'status', 'overdue', 'escalated', 'assigned'] as const;

export function caseListPage(root: HTMLElement, session: Session, params: URLSearchParams): () => void {
  const missions = session.role === 'hq_officer' ? MISSION_CODES : session.missions;
  const chosen = (name: string): { selected?: string } => (params.get(name) ? { selected: params.get(name)! } : { selected: '' });
  const any = (codes: readonly string[]) => ['', ...codes];
  const anyLabel = (kind: string) => (code: string): string => (code === '' ? t('filter.any') : label(kind, code));
  const form = h('form', { class: 'card filters', 'aria-labelledby': 'filters-title' },
    h('h2', { id: 'filters-title' }, t('filter.title')),
    h('div', { class: 'filter-grid' },
      missions.length > 1 ? select('mission', t('col.mission'), 'mission', any(missions), { ...chosen('mission'), labelOf: (c) => (c === '' ? t('board.allMissions') : missionName(c)) }) : null,
      select('stage', t('col.stage'), 'stage', any(STAGES), { ...chosen('stage'), labelOf: anyLabel('stage') }),
      select('risk', t('col.risk'), 'risk', any(RISK_LEVELS), { ...chosen('risk'), labelOf: anyLabel('risk') }),
      select('category', t('filter.category'), 'category', any(PROTECTION_CATEGORIES), { ...chosen('category'), labelOf: anyLabel('category') }),
      select('status', t('case.status'), 'status', any(['open', 'closure_requested', 'closed']), { ...chosen('status'), labelOf: anyLabel('status') }),
      select('overdue', t('filter.overdue'), 'yesno', any(['true', 'false']), { ...chosen('overdue'), labelOf: anyLabel('yesno') }),
      select('escalated', t('filter.escalated'), 'yesno', any(['true', 'false']), { ...chosen('escalated'), labelOf: anyLabel('yesno') }),
      select('assigned', t('filter.assigned'), 'yesno', any(['true', 'false']), { ...chosen('assigned'), labelOf: anyLabel('yesno') })),
    h('button', { type: 'submit' }, t('filter.apply')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = (form.elements.namedItem(name) as HTMLSelectElement | null)?.value;
      if (value) next.set(name, value);
    }
    location.hash = `#/cases?${next.toString()}`;
  });
  const results = h('div', { 'data-testid': 'case-list' });
  showLoading(results);
  root.replaceChildren(h('h1', {}, t('list.title')), form, h('section', { class: 'card', 'aria-labelledby': 'results-title' }, h('h2', { id: 'results-title' }, t('list.results')), results));
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name)!);
  query.set('limit', '200');
  let drawn = '';
  return keepFresh(async () => {
    const result = await get<{ items: Row[] }>(`/v1/cases?${query.toString()}`);
    const print = result.ok ? fingerprint(result.body) : `failed:${result.problem.code}`;
    if (print === drawn) return;
    drawn = print;
    if (!result.ok) return showFailed(results, result.problem);
    if (!result.body.items.length) return showEmpty(results, t('list.none'));
    showData(results, sortableTable(result.body.items, [
      { header: t('col.case'), cell: (r) => caseLink(r.caseId), sortBy: (r) => r.caseId },
      { header: t('col.mission'), cell: (r) => missionCell(r.mission), sortBy: (r) => missionCell(r.mission) },
      { header: t('col.risk'), cell: (r) => riskChip(r.risk), sortBy: (r) => riskRank(r.risk) },
      { header: t('col.stage'), cell: (r) => label('stage', r.stage), sortBy: (r) => STAGES.indexOf(r.stage as never) },
      { header: t('col.nextDue'), cell: (r) => dueCell(r.nextDueAt, r.overdue, r.mission), sortBy: (r) => r.nextDueAt ?? '9' },
      { header: t('col.level'), cell: (r) => String(r.escalationLevel), sortBy: (r) => r.escalationLevel },
      { header: t('col.assignee'), cell: (r) => r.assignee ?? t('case.unassigned'), sortBy: (r) => r.assignee ?? '' },
    ], { testId: 'cases', rowKey: (r) => r.caseId }));
  });
}
