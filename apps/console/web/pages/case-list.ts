// A filtered list of cases (GET /v1/cases): the filters live in the address (#/cases?stage=…&risk=…), so a board
// cell links straight to its cases and a list can be shared with a colleague; columns sort. Nearest deadline
// first, as the API orders it.
import { assigneeColumn, caseColumn, dueColumn, levelColumn, missionColumn, riskColumn, stageColumn, type DueRow } from '../case-columns.js';
import { h } from '../dom.js';
import { select } from '../forms.js';
import { label, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { keepListFresh } from '../live-list.js';
import { MISSION_CODES, missionName } from '../missions.js';
import { sortableTable } from '../table.js';
import { PROTECTION_CATEGORIES, RISK_LEVELS, STAGES } from '../../../../libs/domain/src/shared/vocabulary.js';

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
  root.replaceChildren(h('h1', {}, t('list.title')), form, h('section', { class: 'card', 'aria-labelledby': 'results-title' }, h('h2', { id: 'results-title' }, t('list.results')), results));
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name)!);
  query.set('limit', '200');
  return keepListFresh<DueRow>(results, `/v1/cases?${query.toString()}`, t('list.none'), (items) =>
    sortableTable(items, [caseColumn(), missionColumn(), riskColumn(), stageColumn(), dueColumn(), levelColumn(), assigneeColumn()], { testId: 'cases', rowKey: (r) => r.caseId }));
}
