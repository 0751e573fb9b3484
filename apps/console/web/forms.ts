// Labelled form controls, the place where an answer or a refusal is shown (next to the form that caused it, in
// the reader's language, by the problem's stable code), and the confirmation asked before a grave step.
import { h, uid } from './dom.js';
import { has, label, t } from './i18n.js';
import type { MessageKey } from './catalogue-en.js';
import type { Problem } from './api.js';

export interface SelectOptions {
  /** The option chosen when drawn; none (a "choose…" placeholder, and the field required) when absent. */
  readonly selected?: string;
  /** Options shown but not choosable, each with why (an action the API would refuse is explained, not offered). */
  readonly disabled?: ReadonlyMap<string, string>;
  /** A label per code instead of the catalogue's `kind.code`. */
  readonly labelOf?: (code: string) => string;
}

export function select(name: string, text: string, kind: string, codes: readonly string[], options: SelectOptions | string = {}): HTMLElement {
  const { selected, disabled, labelOf } = typeof options === 'string' ? { selected: options } as SelectOptions : options;
  const id = uid(name);
  const placeholder = selected === undefined ? [h('option', { value: '', selected: true, disabled: true }, t('form.choose'))] : [];
  return h('div', { class: 'field' },
    h('label', { for: id }, text),
    h('select', { id, name, required: selected === undefined },
      ...placeholder,
      ...codes.map((code) => {
        const why = disabled?.get(code);
        const text = labelOf ? labelOf(code) : label(kind, code);
        return h('option', { value: code, selected: code === selected, disabled: why !== undefined }, why ? `${text} — ${why}` : text);
      })));
}

export function checkbox(name: string, text: string, checked = false): HTMLElement {
  const id = uid(name);
  return h('div', { class: 'field check' }, h('input', { type: 'checkbox', id, name, checked }), h('label', { for: id }, text));
}

export function input(name: string, text: string, attributes: Record<string, string | number | boolean> = {}): HTMLElement {
  const id = uid(name);
  const hint = `${id}-error`;
  return h('div', { class: 'field' },
    h('label', { for: id }, text),
    h('input', { id, name, 'aria-describedby': hint, ...attributes }),
    h('p', { id: hint, class: 'field-error', 'aria-live': 'polite' }));
}

export function textarea(name: string, text: string, attributes: Record<string, string | number | boolean> = {}): HTMLElement {
  const id = uid(name);
  return h('div', { class: 'field' }, h('label', { for: id }, text), h('textarea', { id, name, rows: 3, ...attributes }));
}

/** The status line of a form: where its answer or its refusal appears (announced, and focusable after a save). */
export function statusLine(): HTMLElement {
  return h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', tabindex: -1 });
}

/** A refusal in the reader's language, by its stable code; the code stays visible for a support call. */
export function problemText(problem: Problem): string {
  if (problem.status === 0) return t('problem.NETWORK');
  const key = `problem.${problem.code}`;
  const message = has(key) ? t(key as MessageKey) : t('problem.other', { status: problem.status });
  const fields = problem.fields?.length ? ` ${t('problem.fields', { fields: problem.fields.join(', ') })}` : '';
  return `${message}${fields} (${problem.code})`;
}

export function showProblem(line: HTMLElement, problem: Problem): void {
  line.className = 'form-status error';
  line.setAttribute('role', 'alert');
  line.dataset.code = problem.code;
  line.textContent = problemText(problem);
}

export function showMessage(line: HTMLElement, key: MessageKey): void {
  line.className = 'form-status ok';
  line.setAttribute('role', 'status');
  delete line.dataset.code;
  line.textContent = t(key);
}

export const formValue = (form: HTMLFormElement, name: string): string => {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? element.value : '';
};

export const formChecked = (form: HTMLFormElement, name: string): boolean => {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement && element.checked;
};

/**
 * Asks before a grave step, in a modal dialog that says what will happen (`summary`); resolves true only on the
 * confirming button. Focus returns to where it was.
 */
export function confirmStep(title: string, summary: readonly Node[], confirmLabel: string): Promise<boolean> {
  const returnTo = document.activeElement as HTMLElement | null;
  const titleId = uid('confirm-title');
  const yes = h('button', { type: 'button', class: 'danger' }, confirmLabel);
  const no = h('button', { type: 'button', class: 'secondary' }, t('form.cancel'));
  const dialog = h('dialog', { 'aria-labelledby': titleId, class: 'confirm' }, h('h2', { id: titleId }, title), ...summary, h('div', { class: 'buttons' }, yes, no));
  document.body.append(dialog);
  dialog.showModal();
  no.focus();
  return new Promise((resolve) => {
    const finish = (answer: boolean): void => {
      dialog.close();
      dialog.remove();
      returnTo?.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      finish(false);
    });
  });
}
