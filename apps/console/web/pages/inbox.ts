// The caseworker's inbox: her open cases, nearest deadline first, kept current; loading, empty and failed told
// apart.
import { get } from '../api.js';
import { caseLink, dueCell, riskChip } from '../cells.js';
import { h } from '../dom.js';
import { label, t } from '../i18n.js';
import { fingerprint, keepFresh } from '../live.js';
import { showData, showEmpty, showFailed, showLoading } from '../states.js';
import { riskRank, sortableTable } from '../table.js';
import { STAGES } from '../../../../libs/domain/src/shared/vocabulary.js';

interface Row { caseId: string; mission: string; stage: string; risk: string; assignee: string | null; nextDueAt: string | null; overdue: boolean; escalationLevel: number }

export function inboxPage(root: HTMLElement): () => void {
  const mine = h('div', { 'data-testid': 'my-cases-part' });
  showLoading(mine);
  root.replaceChildren(
    h('h1', {}, t('inbox.title')),
    h('p', {}, h('a', { href: '#/new', class: 'button' }, t('nav.newCase')), h('a', { href: '#/search', class: 'button secondary' }, t('nav.search'))),
    h('section', { class: 'card', 'aria-labelledby': 'mine-title' }, h('h2', { id: 'mine-title' }, t('inbox.mine')), mine),
  );
  let drawn = '';
  return keepFresh(async () => {
    const result = await get<{ items: Row[] }>('/v1/my-cases?limit=100');
    const print = result.ok ? fingerprint(result.body) : `failed:${result.problem.code}`;
    if (print === drawn) return;
    drawn = print;
    if (!result.ok) return showFailed(mine, result.problem);
    if (!result.body.items.length) return showEmpty(mine, t('inbox.none'));
    showData(mine, sortableTable(result.body.items, [
      { header: t('col.case'), cell: (r) => caseLink(r.caseId), sortBy: (r) => r.caseId },
      { header: t('col.risk'), cell: (r) => riskChip(r.risk), sortBy: (r) => riskRank(r.risk) },
      { header: t('col.stage'), cell: (r) => label('stage', r.stage), sortBy: (r) => STAGES.indexOf(r.stage as never) },
      { header: t('col.nextDue'), cell: (r) => dueCell(r.nextDueAt, r.overdue, r.mission), sortBy: (r) => r.nextDueAt ?? '9' },
      { header: t('col.level'), cell: (r) => String(r.escalationLevel), sortBy: (r) => r.escalationLevel },
    ], { testId: 'my-cases', rowKey: (r) => r.caseId }));
  });
}
