// The platform admin's one action: erase the personal data of a case (POST /v1/cases/{caseId}/erasure). An admin
// reads no case (the API refuses), so the case is named by its number; the answer is the case's status, the
// refusal its `code` and `detail`, under the form.
import { newIdempotencyKey, post, type Problem } from '../api.js';
import { h } from '../dom.js';
import { checkbox, formValue, input, select, showProblem, statusLine } from '../forms.js';
import { label, t } from '../i18n.js';
import { ERASURE_REASONS } from '../../../../libs/domain/src/case/commands.js';

export function erasurePage(root: HTMLElement, caseId: string | undefined): () => void {
  const status = statusLine();
  const form = h('form', { class: 'card action', 'data-command': 'erasure', 'aria-labelledby': 'erase-title' },
    h('h2', { id: 'erase-title' }, t('action.erase')),
    h('p', {}, t('action.erasureHint')),
    input('caseId', t('admin.caseId'), { required: true, value: caseId ?? '', autocomplete: 'off', pattern: '[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}' }),
    select('reason', t('action.erasureReason'), 'erasure', ERASURE_REASONS),
    checkbox('confirm', t('action.erasureConfirm')),
    h('button', { type: 'submit' }, t('action.erase')),
    status);
  form.querySelector<HTMLInputElement>('input[name="confirm"]')!.required = true;
  let key = newIdempotencyKey();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const id = formValue(form, 'caseId').trim();
    status.className = 'form-status';
    status.textContent = t('action.sending');
    void post<{ status: string }>(`/v1/cases/${encodeURIComponent(id)}/erasure`, { reason: formValue(form, 'reason') }, key).then((result) => {
      if (!result.ok && result.problem.status !== 0) key = newIdempotencyKey();
      if (!result.ok) return showProblem(status, result.problem as Problem);
      status.className = 'form-status ok';
      status.textContent = t('action.erased', { status: label('status', result.body.status) });
    });
  });
  root.replaceChildren(h('h1', {}, t('admin.title')), h('p', {}, t('admin.hint')), form);
  return () => undefined;
}
