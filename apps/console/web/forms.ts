// Labelled form controls and the place where a domain error is shown: next to the form that caused it.
import { h, uid } from './dom.js';
import { label, t } from './i18n.js';
import type { MessageKey } from './catalogue-en.js';
import type { Problem } from './api.js';

export function select(name: string, text: string, kind: string, codes: readonly string[], selected?: string): HTMLElement {
  const id = uid(name);
  return h('div', { class: 'field' },
    h('label', { for: id }, text),
    h('select', { id, name }, ...codes.map((code) => h('option', { value: code, selected: code === selected }, label(kind, code)))));
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

/** The status line of a form: where its answer or its domain error appears (announced to screen readers). */
export function statusLine(): HTMLElement {
  return h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
}

export function showProblem(line: HTMLElement, problem: Problem): void {
  line.className = 'form-status error';
  line.setAttribute('role', 'alert');
  line.dataset.code = problem.code;
  line.textContent = problem.status === 0 ? t('error.network') : t('error.problem', { code: problem.code, detail: problem.detail ?? problem.title ?? '' });
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
