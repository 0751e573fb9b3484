// Opening a walk-in case: every field checked as it is typed, by the same rules as the API's body; countries and
// languages chosen by name; what happened, the GBV type, when it happened (known, estimated or unknown, on the
// mission's clock) and her vulnerabilities, so a walk-in is triaged and gets its clinical windows like a hotline
// case. The form holds one idempotency key, so a double click opens one case, not two.
import { newIdempotencyKey, post } from '../api.js';
import { h } from '../dom.js';
import { checkbox, formChecked, formValue, input, select, showProblem, statusLine, textarea } from '../forms.js';
import { label, t } from '../i18n.js';
import { countryName, HOST_COUNTRIES } from '../missions.js';
import { instantFromWallTime, timeZoneOf } from '../time.js';
import { CONTACT_CHANNELS, GBV_TYPES, PROTECTION_CATEGORIES, VULNERABILITIES } from '../../../../libs/domain/src/shared/vocabulary.js';
import { MISSIONS } from '../../../../libs/domain/src/missions/missions.js';
import { FIELD_CHECKS, OPEN_CASE_RULES } from '../walk-in-rules.js';

/** Languages a caller at a mission most often speaks, by name; the code is what the API keeps. */
const LANGUAGE_CODES = ['vi', 'en', 'ko', 'ja', 'zh', 'ms', 'ar'];

export function newCasePage(root: HTMLElement, opened: (caseId: string) => void): () => void {
  const status = statusLine();
  const categoriesError = h('p', { id: 'categories-error', class: 'field-error', 'aria-live': 'polite' });
  const incidentAt = input('incidentAt', t('new.incidentAt'), { type: 'datetime-local' });
  const submit = h('button', { type: 'submit' }, t('new.submit'));
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'new-title' },
    h('fieldset', {}, h('legend', {}, t('new.who')),
      select('channel', t('new.channel'), 'channel', CONTACT_CHANNELS, 'walk_in'),
      select('relation', t('new.relation'), 'relation', OPEN_CASE_RULES.callerRelations, 'self'),
      input('fullName', t('new.fullName'), { required: true, autocomplete: 'off' }),
      select('sex', t('new.sex'), 'sex', OPEN_CASE_RULES.sexes, 'F'),
      input('dateOfBirth', t('new.dateOfBirth'), { type: 'date' }),
      input('passportNumber', t('new.passport'), { autocomplete: 'off' }),
      input('hometownProvince', t('new.hometown')),
      input('phone', t('new.phone'), { type: 'tel', autocomplete: 'off' }),
      select('language', t('new.language'), 'language', LANGUAGE_CODES, 'vi')),
    h('fieldset', {}, h('legend', {}, t('new.where')),
      select('countryCode', t('new.country'), 'country', HOST_COUNTRIES, { labelOf: countryName }),
      input('city', t('new.city'))),
    h('fieldset', { 'aria-describedby': 'categories-error' }, h('legend', {}, t('new.categories')),
      ...PROTECTION_CATEGORIES.map((c) => checkbox(`category-${c}`, label('category', c))), categoriesError),
    h('fieldset', {}, h('legend', {}, t('new.incident')),
      select('gbvType', t('new.gbvType'), 'gbvType', ['', ...GBV_TYPES], { selected: '', labelOf: (c) => (c === '' ? t('new.gbvTypeNone') : label('gbvType', c)) }),
      select('incidentKnown', t('new.incidentKnown'), 'incidentKnown', ['unknown', 'known', 'estimated'], 'unknown'),
      incidentAt),
    h('fieldset', {}, h('legend', {}, t('new.safety')),
      checkbox('immediateDanger', t('new.immediateDanger')),
      checkbox('minor', t('new.minor')),
      ...VULNERABILITIES.filter((v) => v !== 'minor').map((v) => checkbox(`vulnerability-${v}`, label('vulnerability', v)))),
    textarea('narrative', t('new.narrative')),
    submit,
    status);
  incidentAt.hidden = true;
  form.querySelector<HTMLSelectElement>('select[name="incidentKnown"]')!.addEventListener('change', (e) => {
    incidentAt.hidden = (e.target as HTMLSelectElement).value === 'unknown';
  });

  const checkField = (name: string): boolean => {
    const check = FIELD_CHECKS[name];
    const field = form.elements.namedItem(name);
    if (!check || !(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) return true;
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
  /** The incident instant on the clock of the mission serving the chosen country, or null when unknown. */
  const incidentInstant = (): string | null | undefined => {
    if (formValue(form, 'incidentKnown') === 'unknown') return null;
    const mission = MISSIONS.find((m) => m.countries.includes(formValue(form, 'countryCode')));
    return instantFromWallTime(formValue(form, 'incidentAt'), timeZoneOf(mission?.code));
  };
  form.addEventListener('input', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.name.startsWith('category-')) checkCategories();
    else checkField(target.name);
  });
  // One key for this form: every submission of it is the same intended case.
  let key = newIdempotencyKey();
  let sending = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (sending) return;
    const fieldsOk = Object.keys(FIELD_CHECKS).map(checkField).every(Boolean);
    const incident = incidentInstant();
    const incidentOk = incident !== undefined;
    incidentAt.querySelector('input')!.setAttribute('aria-invalid', incidentOk ? 'false' : 'true');
    incidentAt.querySelector('.field-error')!.textContent = incidentOk ? '' : t('new.invalid.incidentAt');
    const countryOk = formValue(form, 'countryCode') !== '';
    if (!(checkCategories() && fieldsOk && incidentOk && countryOk)) {
      status.className = 'form-status error';
      status.textContent = t('new.fix');
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const optional = (name: string): string | null => formValue(form, name).trim() || null;
    const vulnerabilities = VULNERABILITIES.filter((v) => v !== 'minor' && formChecked(form, `vulnerability-${v}`));
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
      ...(formValue(form, 'gbvType') ? { gbvType: formValue(form, 'gbvType') } : {}),
      incidentAt: incident,
      ...(incident ? { incidentTimeEstimated: formValue(form, 'incidentKnown') === 'estimated' } : {}),
      immediateDanger: formChecked(form, 'immediateDanger'),
      minor: formChecked(form, 'minor'),
      ...(vulnerabilities.length ? { vulnerabilities } : {}),
      ...(formValue(form, 'narrative') ? { narrative: formValue(form, 'narrative') } : {}),
    };
    sending = true;
    submit.disabled = true;
    status.className = 'form-status';
    status.textContent = t('action.sending');
    void post<{ caseId: string }>('/v1/cases', body, key).then((result) => {
      sending = false;
      submit.disabled = false;
      if (result.ok) return opened(result.body.caseId);
      if (result.problem.status !== 0) key = newIdempotencyKey();
      showProblem(status, result.problem);
      status.focus();
    });
  });
  root.replaceChildren(h('h1', { id: 'new-title' }, t('new.title')), form);
  return () => undefined;
}
