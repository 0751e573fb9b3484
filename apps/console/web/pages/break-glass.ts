// Break-glass: reading a case outside one's scope in an emergency, with a reason. The reason is recorded with the
// read (sealed), the supervisor is told (without the reason), and nothing can be done on the case from here:
// what is shown is her details and where the case stands, read-only.
import { newIdempotencyKey, post } from '../api.js';
import type { Reading } from '../case-reading.js';
import { h, show } from '../dom.js';
import { formValue, input, showProblem, statusLine, textarea } from '../forms.js';
import { label, t } from '../i18n.js';
import { missionName } from '../missions.js';
import { formatInstant } from '../time.js';
import { drawDetails } from './case-details.js';

export function breakGlassPage(root: HTMLElement): () => void {
  const status = statusLine();
  const shown = h('div', { 'data-testid': 'break-glass-result' });
  let key = newIdempotencyKey();
  const form = h('form', { class: 'card', 'aria-labelledby': 'glass-form-title' },
    h('h2', { id: 'glass-form-title' }, t('glass.form')),
    h('p', { class: 'notice danger' }, t('glass.warning')),
    input('caseId', t('admin.caseId'), { required: true, autocomplete: 'off', pattern: '[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}' }),
    textarea('reason', t('glass.reason'), { required: true, maxlength: 500 }),
    h('button', { type: 'submit', class: 'danger' }, t('verb.breakGlass')), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const caseId = formValue(form, 'caseId').trim();
    void post<Reading>(`/v1/cases/${encodeURIComponent(caseId)}/break-glass`, { reason: formValue(form, 'reason') }, key).then((result) => {
      key = newIdempotencyKey();
      if (!result.ok) return showProblem(status, result.problem);
      status.textContent = '';
      const view = result.body.case;
      const details = h('section', { class: 'card', 'aria-labelledby': 'details-title' });
      drawDetails(details, view, { kind: 'read', personal: view.personal ?? {} });
      show(shown,
        h('h2', { id: 'glass-case' }, t('case.title', { id: view.caseId })),
        h('p', {}, `${missionName(view.missionCode)} · ${label('status', view.status)} · ${label('stage', view.stage)} · ${label('risk', view.risk)} · ${t('case.opened')} ${formatInstant(view.openedAt, view.missionCode)}`),
        details);
      shown.querySelector<HTMLElement>('h2')?.focus();
    });
  });
  root.replaceChildren(h('h1', {}, t('glass.title')), form, shown);
  return () => undefined;
}
