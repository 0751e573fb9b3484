// The caseworker's inbox: my open cases nearest deadline first, and my mission's open cases (to pick up the
// unassigned), both kept current.
import { get } from '../api.js';
import { h, show } from '../dom.js';
import { label, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { fingerprint, keepFresh } from '../live.js';
import { formatInstant } from '../time.js';

interface Row { caseId: string; mission: string; stage: string; risk: string; assignee: string | null; nextDueAt: string | null; overdue: boolean; escalationLevel: number }
interface Page { items: readonly Row[] }

export function inboxPage(root: HTMLElement, session: Session): () => void {
  const mine = h('div');
  const missionList = h('div');
  const mission = session.missions[0];
  root.replaceChildren(
    h('h1', {}, t('inbox.title')),
    h('p', {}, h('a', { href: '#/new', class: 'button' }, t('nav.newCase'))),
    h('section', { class: 'card', 'aria-labelledby': 'mine-title' }, h('h2', { id: 'mine-title' }, t('nav.inbox')), mine),
    h('section', { class: 'card', 'aria-labelledby': 'mission-title' }, h('h2', { id: 'mission-title' }, t('inbox.mission'), mission ? ` — ${mission}` : ''), missionList),
  );
  const drawn: Record<string, string> = {};
  return keepFresh(async () => {
    const [a, b] = await Promise.all([
      get<Page>('/v1/my-cases?limit=100'),
      get<Page>(`/v1/cases?${mission ? `mission=${encodeURIComponent(mission)}&` : ''}status=open&limit=100`),
    ]);
    if (a.ok && drawn.mine !== fingerprint(a.body)) {
      drawn.mine = fingerprint(a.body);
      show(mine, a.body.items.length ? caseTable(a.body.items, 'my-cases') : h('p', {}, t('inbox.none')));
    }
    if (b.ok && drawn.mission !== fingerprint(b.body)) {
      drawn.mission = fingerprint(b.body);
      show(missionList, caseTable(b.body.items, 'mission-cases'));
    }
  });
}

function caseTable(rows: readonly Row[], testId: string): HTMLElement {
  return h('table', { 'data-testid': testId },
    h('thead', {}, h('tr', {}, ...(['col.case', 'col.risk', 'col.stage', 'col.nextDue', 'col.level', 'col.assignee'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...rows.map((row) => h('tr', { 'data-case': row.caseId },
      h('td', {}, h('a', { href: `#/case/${encodeURIComponent(row.caseId)}` }, row.caseId)),
      h('td', {}, h('span', { class: `chip risk-${row.risk}` }, label('risk', row.risk))),
      h('td', {}, label('stage', row.stage)),
      h('td', { class: row.overdue ? 'overdue' : '' }, row.nextDueAt ? formatInstant(row.nextDueAt, row.mission) : t('inbox.noDeadline'), row.overdue ? ` (${t('inbox.overdue')})` : ''),
      h('td', {}, String(row.escalationLevel)),
      h('td', {}, row.assignee ?? t('case.unassigned'))))));
}
