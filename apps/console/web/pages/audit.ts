// The auditor's page: who read which case's personal data, when, why and whether by break-glass, newest first
// (GET /v1/audit/reads). Opening a break-glass reason is itself a recorded read (the API records it).
import { get } from '../api.js';
import { h } from '../dom.js';
import { formValue, input, select } from '../forms.js';
import { label, t } from '../i18n.js';
import { missionName } from '../missions.js';
import { showData, showEmpty, showFailed, showLoading } from '../states.js';
import { sortableTable } from '../table.js';
import { formatInstant } from '../time.js';

interface Entry { auditId: string; readAt: string; userId: string; role: string; caseId: string; caseMission: string | null; part: string; purpose: string; breakGlass: boolean; reason: string | null; reasonErased: boolean }

export function auditPage(root: HTMLElement): () => void {
  const results = h('div', { 'data-testid': 'audit-results' });
  const form = h('form', { class: 'card', 'aria-labelledby': 'audit-form-title' },
    h('h2', { id: 'audit-form-title' }, t('audit.filters')),
    input('caseId', t('admin.caseId'), { autocomplete: 'off' }),
    input('userId', t('signIn.user'), { autocomplete: 'off' }),
    select('breakGlass', t('audit.breakGlass'), 'yesno', ['', 'true', 'false'], { selected: '', labelOf: (c) => (c === '' ? t('filter.any') : label('yesno', c)) }),
    h('button', { type: 'submit' }, t('audit.show')));
  const load = (): void => {
    const params = new URLSearchParams({ limit: '100' });
    for (const name of ['caseId', 'userId', 'breakGlass']) if (formValue(form, name).trim()) params.set(name, formValue(form, name).trim());
    showLoading(results);
    void get<{ items: Entry[] }>(`/v1/audit/reads?${params.toString()}`).then((result) => {
      if (!result.ok) return showFailed(results, result.problem);
      if (!result.body.items.length) return showEmpty(results, t('audit.none'));
      showData(results, sortableTable(result.body.items, [
        { header: t('audit.when'), cell: (e) => formatInstant(e.readAt, e.caseMission ?? undefined), sortBy: (e) => e.readAt },
        { header: t('audit.who'), cell: (e) => `${e.userId} (${label('role', e.role)})`, sortBy: (e) => e.userId },
        { header: t('col.case'), cell: (e) => e.caseId, sortBy: (e) => e.caseId },
        { header: t('col.mission'), cell: (e) => missionName(e.caseMission) },
        { header: t('audit.purpose'), cell: (e) => label('purpose', e.purpose) },
        { header: t('audit.reason'), cell: (e) => (e.reasonErased ? t('audit.reasonErased') : e.reason ?? '') },
      ], { testId: 'audit', rowKey: (e) => e.auditId }));
    });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  root.replaceChildren(h('h1', {}, t('audit.title')), form, h('section', { class: 'card', 'aria-labelledby': 'audit-results-title' }, h('h2', { id: 'audit-results-title' }, t('audit.results')), results));
  load();
  return () => undefined;
}
