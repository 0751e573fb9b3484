// The forms of the commands the signed-in user may send to a case, one per command route of the API, shown only
// when the case reading's `permittedCommands` allows it and the case stands where the command makes sense. Every
// choice (step, task, window, recipient) comes from the reading; each form shows the API's answer or its domain
// error (`code`, `detail`) right under itself.
import { get, post, type Problem } from '../api.js';
import type { CaseView, Reading } from '../case-reading.js';
import { h, show } from '../dom.js';
import { checkbox, formChecked, formValue, input, select, showMessage, showProblem, statusLine, textarea } from '../forms.js';
import { label, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { mayRun, type CommandPath } from '../permissions.js';
import { TASK_IDS } from '../../../../libs/domain/src/protocol/protocol-definition.js';
import {
  CLOSURE_REASONS, CONSENT_CATEGORIES, CONSENT_EXCEPTION_GROUNDS, CONSENT_METHODS, CONTACT_CHANNELS, PAUSE_REASONS,
} from '../../../../libs/domain/src/shared/vocabulary.js';

type Body = Record<string, unknown>;
type Send = (path: CommandPath, body: Body, status: HTMLElement) => void;

/** What may still be done on a closed case (the domain refuses the rest with CASE_CLOSED). */
const ON_CLOSED: readonly CommandPath[] = ['notes', 'shares', 'reopened'];
/** The steps CompleteStep ends; every other step ends through its own command (domain: decide/steps.ts). */
const ENDED_BY_COMPLETE_STEP: readonly string[] = ['implementation'];
const NEEDS = ['safety', 'medical', 'shelter', 'legal', 'psychosocial'];
/** Tasks a plan may list: the verification answer is opened by the request, never planned. */
const PLANNABLE = TASK_IDS.filter((task) => task !== 'verification_answer');
/** A user id as the API takes it for a share. */
const USER_ID_PATTERN = '[A-Za-z0-9][A-Za-z0-9._:@\\-]{0,127}';

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

export function drawActions(target: HTMLElement, session: Session, reading: Reading, redraw: (next: Reading) => void): void {
  const view = reading.case;
  const may = (path: CommandPath): boolean =>
    (view.status !== 'closed' || ON_CLOSED.includes(path)) && mayRun(path, session.role, reading.permittedCommands);
  const send: Send = (path, body, status) => {
    status.className = 'form-status';
    status.textContent = t('action.sending');
    void post<CaseView>(`/v1/cases/${encodeURIComponent(view.caseId)}/${path}`, body).then(async (result) => {
      if (!result.ok) return showProblem(status, result.problem as Problem);
      const fresh = await get<Reading>(`/v1/cases/${encodeURIComponent(view.caseId)}`);
      if (fresh.ok) redraw(fresh.body);
      const line = target.querySelector<HTMLElement>(`[data-command="${path}"] .form-status`);
      if (line) showMessage(line, 'action.done');
    });
  };
  const forms: HTMLElement[] = [];
  const form = (path: CommandPath, title: string, fields: HTMLElement[], body: (f: HTMLFormElement) => Body, buttons?: HTMLElement[]): void => {
    const status = statusLine();
    const element = h('form', { class: 'action', 'data-command': path }, h('h3', {}, title), ...fields, ...(buttons ?? [h('button', { type: 'submit' }, t('action.submit'))]), status);
    element.addEventListener('submit', (e) => {
      e.preventDefault();
      send(path, body(element), status);
    });
    forms.push(element);
  };

  const open = (kind: string) => view.openItems.filter((i) => i.kind === kind);
  const isOpen = (item: string): boolean => view.openItems.some((i) => i.item === item);

  for (const item of view.openItems.filter((i) => i.escalationLevel > 0)) {
    if (may('escalations/acknowledged')) form('escalations/acknowledged', t('action.acknowledge', { item: label('item', item.item), level: item.escalationLevel }), [], () => ({ item: item.item }));
  }
  if (may('assignment')) form('assignment', t('action.assign'), [input('caseworkerId', t('action.assignee'), { required: true, value: view.assignee ?? '' })], (f) => ({ caseworkerId: formValue(f, 'caseworkerId') }));
  if (may('shares')) form('shares', t('action.share'), [input('userId', t('action.shareWith'), { required: true, pattern: USER_ID_PATTERN, autocomplete: 'off' })], (f) => ({ userId: formValue(f, 'userId') }));
  if (may('contacts')) {
    form('contacts', t('action.contact'), [
      select('channel', t('action.channel'), 'channel', CONTACT_CHANNELS, 'walk_in'),
      select('outcome', t('action.outcome'), 'outcome', ['reached', 'unreachable'], 'reached'),
      checkbox('confidentialityExplained', t('action.confidentiality'), true),
    ], (f) => ({ channel: formValue(f, 'channel'), outcome: formValue(f, 'outcome'), confidentialityExplained: formChecked(f, 'confidentialityExplained') }));
  }
  identityForm(view, may('identity-verification'), form);
  if (may('assessment') && isOpen('assessment')) {
    form('assessment', t('action.assessment'), [
      h('fieldset', {}, h('legend', {}, t('action.needs')), ...NEEDS.map((n) => checkbox(`need-${n}`, label('need', n)))),
      select('wish', t('action.wish'), 'wish', ['return', 'stay', 'undecided'], 'undecided'),
      checkbox('familyIsRiskSource', t('action.familyRisk')),
      checkbox('safetyPlanAgreed', t('action.safetyPlan')),
    ], (f) => ({
      needs: Object.fromEntries(NEEDS.map((n) => [n, formChecked(f, `need-${n}`)])),
      wish: formValue(f, 'wish'),
      familyIsRiskSource: formChecked(f, 'familyIsRiskSource'),
      safetyPlanAgreed: formChecked(f, 'safetyPlanAgreed'),
    }));
  }
  // The first plan ends the action-plan step; during implementation a new plan revises it.
  if (may('action-plan') && (isOpen('action_plan') || isOpen('implementation'))) {
    form('action-plan', t('action.actionPlan'), [
      select('goal', t('action.goal'), 'wish', ['return', 'stay'], 'stay'),
      h('fieldset', {}, h('legend', {}, t('action.tasks')), ...PLANNABLE.map((task) => checkbox(`task-${task}`, label('item', task)))),
    ], (f) => ({ goal: formValue(f, 'goal'), tasks: PLANNABLE.filter((task) => formChecked(f, `task-${task}`)) }));
  }
  const workable = open('task').filter((i) => i.item !== 'verification_answer');
  const notStarted = workable.filter((i) => i.status === 'open').map((i) => i.item);
  if (may('tasks/started') && notStarted.length) {
    form('tasks/started', t('action.startTask'), [select('task', t('action.task'), 'item', notStarted)], (f) => ({ task: formValue(f, 'task') }));
  }
  if (may('tasks/completed') && workable.length) {
    form('tasks/completed', t('action.completeTask'), [
      select('task', t('action.task'), 'item', workable.map((i) => i.item)),
      textarea('note', t('action.optionalNote')),
    ], (f) => ({ task: formValue(f, 'task'), note: optional(formValue(f, 'note')) }));
  }
  const openSteps = open('step').map((i) => i.item);
  const plainSteps = openSteps.filter((step) => ENDED_BY_COMPLETE_STEP.includes(step));
  if (may('steps/completed') && plainSteps.length) {
    form('steps/completed', t('action.completeStep'), [select('step', t('action.step'), 'item', plainSteps)], (f) => ({ step: formValue(f, 'step') }));
  }
  const followUps = openSteps.filter((step) => step === 'follow_up_day_7' || step === 'follow_up_day_30');
  if (may('follow-ups') && followUps.length) {
    form('follow-ups', t('action.followUp'), [
      select('step', t('action.step'), 'item', followUps),
      select('outcome', t('action.outcome'), 'outcome', ['reached', 'unreachable'], 'reached'),
      textarea('note', t('action.optionalNote')),
    ], (f) => ({ step: formValue(f, 'step'), outcome: formValue(f, 'outcome'), note: optional(formValue(f, 'note')) }));
  }
  const windows = view.clinicalWindows.filter((w) => w.status === 'open' && w.remainingMs > 0).map((w) => w.window);
  if (may('clinical-care') && windows.length) {
    form('clinical-care', t('action.clinicalCare'), [
      select('window', t('action.window'), 'window', windows),
      textarea('medicalDetails', t('action.medicalDetails')),
    ], (f) => ({ window: formValue(f, 'window'), medicalDetails: optional(formValue(f, 'medicalDetails')) }));
  }
  if (may('consents/given')) consentForm(send, forms);
  if (may('consent-exceptions')) {
    const categories = CONSENT_CATEGORIES.filter((c) => !view.consent[c]?.exception && view.consent[c]?.status !== 'given');
    if (categories.length) {
      form('consent-exceptions', t('action.consentException'), [
        select('category', t('action.category'), 'consent', categories),
        select('ground', t('action.ground'), 'ground', CONSENT_EXCEPTION_GROUNDS),
        textarea('reason', t('action.exceptionReason'), { required: true }),
      ], (f) => ({ category: formValue(f, 'category'), ground: formValue(f, 'ground'), reason: formValue(f, 'reason') }));
    }
  }
  if (view.pause ? may('resume') : may('pause')) {
    if (view.pause) form('resume', t('action.resume'), [], () => ({}));
    else form('pause', t('action.pause'), [select('reason', t('action.pauseReason'), 'pause', PAUSE_REASONS)], (f) => ({ reason: formValue(f, 'reason') }));
  }
  if (may('notes')) form('notes', t('action.note'), [textarea('text', t('action.noteText'), { required: true })], (f) => ({ text: formValue(f, 'text') }));
  if (view.status === 'open' && may('closure/requested')) {
    form('closure/requested', t('action.requestClosure'), [select('reason', t('action.closureReason'), 'closure', CLOSURE_REASONS)], (f) => ({ reason: formValue(f, 'reason') }));
  }
  if (view.status === 'closure_requested' && may('closure/approved')) form('closure/approved', t('action.approveClosure'), [], () => ({}));
  if (view.status === 'closure_requested' && may('closure/rejected')) {
    form('closure/rejected', t('action.rejectClosure'), [textarea('note', t('action.optionalNote'))], (f) => ({ note: optional(formValue(f, 'note')) }));
  }
  if (view.status === 'closed' && may('reopened')) {
    form('reopened', t('action.reopen'), [textarea('note', t('action.optionalNote'))], (f) => ({ note: optional(formValue(f, 'note')) }));
  }

  show(target, h('h2', { id: 'actions-title' }, t('case.actions')), ...(forms.length ? forms : [h('p', {}, t('case.noActions'))]));
}

type FormOf = (path: CommandPath, title: string, fields: HTMLElement[], body: (f: HTMLFormElement) => Body) => void;

/**
 * One select of what happened, offered by where the identity stands: a document seen while not yet verified; a
 * request while the verification step is open; the answer while the verification answer is awaited.
 */
function identityForm(view: CaseView, allowed: boolean, form: FormOf): void {
  if (!allowed) return;
  const verified = view.identity === 'documents_seen' || view.identity === 'confirmed';
  const options = [
    ...(verified ? [] : ['documents_seen.passport', 'documents_seen.national_id', 'documents_seen.other']),
    ...(view.openItems.some((i) => i.item === 'identity_verification') ? ['request_sent'] : []),
    ...(view.openItems.some((i) => i.item === 'verification_answer') ? ['answer_received.confirmed', 'answer_received.not_confirmed'] : []),
  ];
  if (!options.length) return;
  form('identity-verification', t('action.identity'), [
    h('p', { class: 'legend' }, t('identityStatus', { status: label('identityState', view.identity) })),
    select('outcome', t('action.identityOutcome'), 'identity', options),
    input('documentNumber', t('action.documentNumber'), { autocomplete: 'off', maxlength: 40 }),
  ], (f) => {
    const [kind, detail] = formValue(f, 'outcome').split('.') as [string, string | undefined];
    const outcome = kind === 'documents_seen' ? { kind, document: detail } : kind === 'answer_received' ? { kind, confirmed: detail === 'confirmed' } : { kind };
    const documentNumber = kind === 'documents_seen' ? optional(formValue(f, 'documentNumber')) : undefined;
    return { outcome, documentNumber };
  });
}

/** Given, refused or withdrawn: one form, three buttons, each sending its own command. */
function consentForm(send: Send, forms: HTMLElement[]): void {
  const status = statusLine();
  const element = h('form', { class: 'action', 'data-command': 'consents/given' }, h('h3', {}, t('action.consent')),
    select('category', t('action.category'), 'consent', CONSENT_CATEGORIES),
    select('method', t('action.method'), 'method', CONSENT_METHODS),
    h('button', { type: 'submit', value: 'consents/given' }, t('action.give')),
    h('button', { type: 'submit', value: 'consents/refused', class: 'secondary' }, t('action.refuse')),
    h('button', { type: 'submit', value: 'consents/withdrawn', class: 'secondary' }, t('action.withdraw')),
    status);
  element.addEventListener('submit', (e) => {
    e.preventDefault();
    const path = ((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value as CommandPath | undefined;
    send(path ?? 'consents/given', { category: formValue(element, 'category'), method: formValue(element, 'method') }, status);
  });
  forms.push(element);
}
