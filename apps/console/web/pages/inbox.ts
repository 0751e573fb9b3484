// The caseworker's inbox: her open cases, nearest deadline first, kept current; loading, empty and failed told
// apart.
import { caseColumn, dueColumn, levelColumn, riskColumn, stageColumn, type DueRow } from '../case-columns.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { keepListFresh } from '../live-list.js';
import { sortableTable } from '../table.js';

export function inboxPage(root: HTMLElement): () => void {
  const mine = h('div', { 'data-testid': 'my-cases-part' });
  root.replaceChildren(
    h('h1', {}, t('inbox.title')),
    h('p', {}, h('a', { href: '#/new', class: 'button' }, t('nav.newCase')), h('a', { href: '#/search', class: 'button secondary' }, t('nav.search'))),
    h('section', { class: 'card', 'aria-labelledby': 'mine-title' }, h('h2', { id: 'mine-title' }, t('inbox.mine')), mine),
  );
  return keepListFresh<DueRow>(mine, '/v1/my-cases?limit=100', t('inbox.none'), (items) =>
    sortableTable(items, [caseColumn(), riskColumn(), stageColumn(), dueColumn(), levelColumn()], { testId: 'my-cases', rowKey: (r) => r.caseId }));
}
