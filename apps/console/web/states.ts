// A part of a page that loads from the API is in one of three states before it shows data, and a person must be
// able to tell them apart: still loading, loaded but empty ("nothing here"), or failed (the data is NOT known).
import type { Problem } from './api.js';
import { h, show } from './dom.js';
import { problemText } from './forms.js';
import { t } from './i18n.js';

export function showLoading(target: HTMLElement): void {
  target.setAttribute('aria-busy', 'true');
  show(target, h('p', { class: 'loading', 'data-state': 'loading' }, t('state.loading')));
}

export function showFailed(target: HTMLElement, problem: Problem): void {
  target.removeAttribute('aria-busy');
  show(target, h('p', { class: 'form-status error', role: 'alert', 'data-state': 'failed', 'data-code': problem.code }, t('state.failed'), ' ', problemText(problem)));
}

export function showEmpty(target: HTMLElement, text: string): void {
  target.removeAttribute('aria-busy');
  show(target, h('p', { class: 'empty', 'data-state': 'empty' }, text));
}

export function showData(target: HTMLElement, ...content: Node[]): void {
  target.removeAttribute('aria-busy');
  show(target, ...content);
}
