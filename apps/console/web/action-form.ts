// One command form on a case: a title, its fields, a button named for what it does, and the line where the answer
// or the refusal appears. It holds one idempotency key from the moment it is drawn, so a double click or a retry
// after a lost answer is one command; a refused command (nothing happened) gets a new key for the next try.
import { newIdempotencyKey, post, type Problem } from './api.js';
import type { CaseView } from './case-reading.js';
import { h, uid } from './dom.js';
import { showProblem, statusLine } from './forms.js';
import { t } from './i18n.js';
import type { CommandPath } from './permissions.js';

export type Body = Record<string, unknown>;

export interface ActionForm {
  readonly path: CommandPath;
  readonly title: string;
  readonly fields: readonly HTMLElement[];
  readonly body: (form: HTMLFormElement) => Body;
  /** The button's words: a verb for what it does ("Record the contact"), never "Save". */
  readonly verb: string;
  /** Asked before sending; false cancels. */
  readonly confirm?: (form: HTMLFormElement) => Promise<boolean>;
  /** Extra buttons that send other commands from the same fields (consent: given / refused / withdrawn). */
  readonly alternatives?: ReadonlyArray<{ readonly path: CommandPath; readonly verb: string }>;
}

/** What happens after a command was accepted: the page reads the case again and says so at this form. */
export type Accepted = (path: CommandPath) => void;

export function drawActionForm(view: CaseView, spec: ActionForm, accepted: Accepted): HTMLFormElement {
  const status = statusLine();
  let key = newIdempotencyKey();
  let sending = false;
  const buttons = [
    h('button', { type: 'submit', value: spec.path }, spec.verb),
    ...(spec.alternatives ?? []).map((alt) => h('button', { type: 'submit', value: alt.path, class: 'secondary' }, alt.verb)),
  ];
  const titleId = uid(`action-${spec.path.replace(/\W/g, '-')}`);
  const form = h('form', { class: 'action', 'data-command': spec.path, 'aria-labelledby': titleId },
    h('h4', { id: titleId }, spec.title), ...spec.fields, h('div', { class: 'buttons' }, ...buttons), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (sending) return; // a second click while the first is on its way
    const path = (((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value || spec.path) as CommandPath;
    sending = true;
    for (const button of buttons) button.disabled = true;
    void (async () => {
      try {
        if (spec.confirm && !(await spec.confirm(form))) return;
        status.className = 'form-status';
        status.textContent = t('action.sending');
        const result = await post<CaseView>(`/v1/cases/${encodeURIComponent(view.caseId)}/${path}`, spec.body(form), key);
        if (result.ok) {
          accepted(path);
          return;
        }
        // Refused: nothing happened, so the next try is a new command. A lost answer (status 0) keeps the key.
        if (result.problem.status !== 0) key = newIdempotencyKey();
        showProblem(status, result.problem as Problem);
        status.focus();
      } finally {
        sending = false;
        for (const button of buttons) button.disabled = false;
      }
    })();
  });
  return form;
}
