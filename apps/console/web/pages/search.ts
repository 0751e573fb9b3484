// Finding a case by her name (typed with or without diacritics), a phone number or a passport number, among the
// cases the signed-in person may see. What is searched never goes into the page's address (no name in the
// browser's history); it is sent to the API once per search.
import { get } from '../api.js';
import { assigneeColumn, caseColumn, missionColumn, riskColumn, stageColumn } from '../case-columns.js';
import { h } from '../dom.js';
import { formValue, input, select, statusLine } from '../forms.js';
import { label, t } from '../i18n.js';
import { showData, showEmpty, showFailed, showLoading } from '../states.js';
import { sortableTable } from '../table.js';

interface Hit { caseId: string; mission: string; stage: string; status: string; risk: string; assignee: string | null; matchedBy: string }

export function searchPage(root: HTMLElement): () => void {
  const status = statusLine();
  const results = h('div', { 'data-testid': 'search-results' });
  const form = h('form', { class: 'card', role: 'search', 'aria-labelledby': 'search-title' },
    h('h2', { id: 'search-title' }, t('search.form')),
    h('p', { class: 'legend' }, t('search.hint')),
    select('by', t('search.by'), 'searchBy', ['name', 'phone', 'passport'], { selected: 'name' }),
    input('q', t('search.term'), { required: true, autocomplete: 'off', maxlength: 200 }),
    h('button', { type: 'submit' }, t('search.submit')), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const term = formValue(form, 'q').trim();
    if (!term) return;
    showLoading(results);
    void get<{ items: Hit[] }>(`/v1/search?${new URLSearchParams({ [formValue(form, 'by')]: term, limit: '50' }).toString()}`).then((result) => {
      if (!result.ok) return showFailed(results, result.problem);
      if (!result.body.items.length) return showEmpty(results, t('search.none'));
      showData(results, sortableTable(result.body.items, [
        caseColumn(), missionColumn(), riskColumn(),
        { header: t('case.status'), cell: (r) => label('status', r.status) },
        stageColumn(), assigneeColumn(),
        { header: t('search.matchedBy'), cell: (r) => label('searchBy', r.matchedBy) },
      ], { testId: 'search-hits', rowKey: (r) => r.caseId }));
    });
  });
  showEmpty(results, t('search.start'));
  root.replaceChildren(h('h1', {}, t('search.title')), form, h('section', { class: 'card', 'aria-labelledby': 'hits-title' }, h('h2', { id: 'hits-title' }, t('search.results')), results));
  return () => undefined;
}
