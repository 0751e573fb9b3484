// A printable summary of one case (for a file, a handover or a court): her details, where the case stands, the
// open steps, consent and the timeline, on one plain page. Reading it reads her personal part, so it is one more
// entry in the read audit, as any opening of the case is.
import { get } from '../api.js';
import type { PersonalReading, Reading } from '../case-reading.js';
import { h, show } from '../dom.js';
import { label, t } from '../i18n.js';
import { missionName } from '../missions.js';
import { sentence } from '../timeline.js';
import { formatInstant } from '../time.js';
import { showFailed, showLoading } from '../states.js';
import { drawDetails } from './case-details.js';

export function casePrintPage(root: HTMLElement, caseId: string): () => void {
  const body = h('div', { class: 'print-summary', 'data-testid': 'print-summary' });
  root.replaceChildren(
    h('p', { class: 'no-print' }, h('a', { href: `#/case/${encodeURIComponent(caseId)}` }, t('print.back'))),
    body);
  showLoading(body);
  void (async () => {
    const reading = await get<Reading>(`/v1/cases/${encodeURIComponent(caseId)}`);
    if (!reading.ok) return showFailed(body, reading.problem);
    const personal = await get<PersonalReading>(`/v1/cases/${encodeURIComponent(caseId)}/personal`);
    if (!personal.ok) return showFailed(body, personal.problem);
    const view = reading.body.case;
    const details = h('section', { class: 'card', 'aria-labelledby': 'details-title' });
    drawDetails(details, view, { kind: 'read', personal: personal.body.personal });
    const printButton = h('button', { type: 'button', class: 'no-print' }, t('print.print'));
    printButton.addEventListener('click', () => window.print());
    show(body,
      h('h1', {}, t('print.title', { id: view.caseId })),
      h('p', { class: 'legend' }, t('print.printedAt', { time: formatInstant(new Date().toISOString(), view.missionCode) })),
      printButton,
      h('p', {}, `${missionName(view.missionCode)} · ${label('status', view.status)} · ${label('stage', view.stage)} · ${label('risk', view.risk)} · ${view.assignee ?? t('case.unassigned')}`),
      details,
      h('section', { class: 'card', 'aria-labelledby': 'print-steps' },
        h('h2', { id: 'print-steps' }, t('steps.title')),
        view.openItems.length ? h('ul', {}, ...view.openItems.map((i) => h('li', {}, `${label('item', i.item)} · ${t('clock.due', { time: formatInstant(i.dueAt, view.missionCode) })}`))) : h('p', {}, t('steps.none'))),
      h('section', { class: 'card', 'aria-labelledby': 'print-timeline' },
        h('h2', { id: 'print-timeline' }, t('case.timeline')),
        h('ol', { class: 'timeline' }, ...reading.body.timeline.map((entry) => h('li', {}, `${formatInstant(entry.at, view.missionCode)} — `, sentence(entry, view.missionCode))))));
  })();
  return () => undefined;
}
