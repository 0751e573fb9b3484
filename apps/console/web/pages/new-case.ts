// Opening a walk-in case: every field checked as it is typed, by the same rules as the API's body; the answer
// (or the API's problem) shown under the form.
import { post } from '../api.js';
import { h } from '../dom.js';
import { checkbox, formChecked, formValue, input, select, showProblem, statusLine, textarea } from '../forms.js';
import { label, t } from '../i18n.js';
import { CONTACT_CHANNELS, PROTECTION_CATEGORIES } from '../../../../libs/domain/src/shared/vocabulary.js';
import { FIELD_CHECKS, OPEN_CASE_RULES } from '../walk-in-rules.js';

export function newCasePage(root: HTMLElement, opened: (caseId: string) => void): () => void {
  const status = statusLine();
  const categoriesError = h('p', { id: 'categories-error', class: 'field-error', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'new-title' },
    select('channel', t('new.channel'), 'channel', CONTACT_CHANNELS, 'walk_in'),
    select('relation', t('new.relation'), 'relation', OPEN_CASE_RULES.callerRelations, 'self'),
    input('fullName', t('new.fullName'), { required: true, autocomplete: 'off' }),
    select('sex', t('new.sex'), 'sex', OPEN_CASE_RULES.sexes, 'F'),
    input('dateOfBirth', t('new.dateOfBirth'), { type: 'date' }),
    input('passportNumber', t('new.passport'), { autocomplete: 'off' }),
    input('hometownProvince', t('new.hometown')),
    input('phone', t('new.phone'), { type: 'tel', autocomplete: 'off' }),
    input('language', t('new.language'), { value: 'vi' }),
    input('countryCode', t('new.country'), { value: 'KR', required: true }),
    input('city', t('new.city')),
    h('fieldset', { 'aria-describedby': 'categories-error' }, h('legend', {}, t('new.categories')),
      ...PROTECTION_CATEGORIES.map((c) => checkbox(`category-${c}`, label('category', c))), categoriesError),
    checkbox('immediateDanger', t('new.immediateDanger')),
    checkbox('minor', t('new.minor')),
    textarea('narrative', t('new.narrative')),
    h('button', { type: 'submit' }, t('new.submit')),
    status);

  const checkField = (name: string): boolean => {
    const check = FIELD_CHECKS[name];
    const field = form.elements.namedItem(name);
    if (!check || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return true;
    const problem = check(field.value);
    const hint = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    field.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (hint) hint.textContent = problem ? t(problem.key, problem.vars) : '';
    return problem === undefined;
  };
  const categories = (): string[] => PROTECTION_CATEGORIES.filter((c) => formChecked(form, `category-${c}`));
  const checkCategories = (): boolean => {
    const ok = categories().length > 0;
    categoriesError.textContent = ok ? '' : t('new.invalid.categories');
    return ok;
  };
  form.addEventListener('input', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.name.startsWith('category-')) checkCategories();
    else checkField(target.name);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const fieldsOk = Object.keys(FIELD_CHECKS).map(checkField).every(Boolean);
    if (!(checkCategories() && fieldsOk)) {
      status.className = 'form-status error';
      status.textContent = t('new.fix');
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const optional = (name: string): string | null => formValue(form, name).trim() || null;
    const body = {
      channel: formValue(form, 'channel'),
      caller: { relation: formValue(form, 'relation'), phone: optional('phone'), language: optional('language') },
      subject: {
        fullName: formValue(form, 'fullName').trim(),
        sex: formValue(form, 'sex'),
        dateOfBirth: optional('dateOfBirth'),
        passportNumber: optional('passportNumber'),
        hometownProvince: optional('hometownProvince'),
      },
      location: { countryCode: formValue(form, 'countryCode'), city: optional('city') },
      categories: categories(),
      immediateDanger: formChecked(form, 'immediateDanger'),
      minor: formChecked(form, 'minor'),
      ...(formValue(form, 'narrative') ? { narrative: formValue(form, 'narrative') } : {}),
    };
    status.className = 'form-status';
    status.textContent = t('action.sending');
    void post<{ caseId: string }>('/v1/cases', body).then((result) => {
      if (result.ok) opened(result.body.caseId);
      else showProblem(status, result.problem);
    });
  });
  root.replaceChildren(h('h1', { id: 'new-title' }, t('new.title')), form);
  return () => undefined;
}
