// What can be done on the case now, grouped by step of the procedure, each form with a verb for its button and
// safe defaults: nothing is pre-selected where a wrong choice would share her data or set the wrong course.
// Only what the reading's `permittedCommands` allows and the case stands ready for is offered; what the domain
// would still refuse (no consent in force, identity not verified) is shown disabled with the reason.
// Closing a case and acting without consent ask for confirmation with a summary of what it means.
import type { CaseView, Reading } from '../case-reading.js';
import { drawActionForm, type Accepted, type ActionForm } from '../action-form.js';
import { refusals, whyNotTask, whyNotVerificationRequest } from '../blockers.js';
import { h, show } from '../dom.js';
import { checkbox, confirmStep, formChecked, formValue, input, select, textarea } from '../forms.js';
import { label, t } from '../i18n.js';
import { mayRun, type CommandPath } from '../permissions.js';
import { staffPicker } from '../staff.js';
import { instantFromWallTime, timeZoneOf } from '../time.js';
import { STEP_IDS, TASK_IDS } from '../../../../libs/domain/src/protocol/protocol-definition.js';
import {
  CLOSURE_REASONS, CONSENT_CATEGORIES, CONSENT_EXCEPTION_GROUNDS, CONSENT_METHODS, CONTACT_CHANNELS, GBV_TYPES, PAUSE_REASONS, RISK_LEVELS,
} from '../../../../libs/domain/src/shared/vocabulary.js';

/** What may still be done on a closed case (the domain refuses the rest with CASE_CLOSED). */
const ON_CLOSED: readonly CommandPath[] = ['notes', 'shares', 'reopened'];
/** The steps CompleteStep ends; every other step ends through its own command (domain: decide/steps.ts). */
const ENDED_BY_COMPLETE_STEP: readonly string[] = ['implementation'];
const NEEDS = ['safety', 'medical', 'shelter', 'legal', 'psychosocial'];
/** Tasks a plan may list: the verification answer is opened by the request, never planned. */
const PLANNABLE = TASK_IDS.filter((task) => task !== 'verification_answer');

type Group = 'engagement' | 'assessment' | 'plan' | 'implementation' | 'follow_up' | 'case';
const GROUPS: readonly Group[] = ['engagement', 'assessment', 'plan', 'implementation', 'follow_up', 'case'];

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

export function drawActions(target: HTMLElement, reading: Reading, accepted: Accepted): void {
  const view = reading.case;
  const may = (path: CommandPath): boolean =>
    (view.status !== 'closed' || ON_CLOSED.includes(path)) && mayRun(path, reading.permittedCommands);
  const groups = new Map<Group, HTMLElement[]>();
  const add = (group: Group, spec: ActionForm): void => {
    groups.set(group, [...(groups.get(group) ?? []), drawActionForm(view, spec, accepted)]);
  };
  const open = (kind: string) => view.openItems.filter((i) => i.kind === kind);
  const isOpen = (item: string): boolean => view.openItems.some((i) => i.item === item);

  for (const item of view.openItems.filter((i) => i.escalationLevel > 0)) {
    if (may('escalations/acknowledged')) {
      add('case', { path: 'escalations/acknowledged', title: t('action.acknowledge', { item: label('item', item.item), level: item.escalationLevel }), fields: [], verb: t('verb.acknowledge'), body: () => ({ item: item.item }) });
    }
  }
  if (may('contacts') && view.status !== 'closed') {
    const channel = view.intake && (CONTACT_CHANNELS as readonly string[]).includes(view.intake.channel) ? view.intake.channel : undefined;
    add('engagement', {
      path: 'contacts', title: t('action.contact'), verb: t('verb.contact'),
      fields: [
        select('channel', t('action.channel'), 'channel', CONTACT_CHANNELS, channel === undefined ? {} : { selected: channel }),
        select('outcome', t('action.outcome'), 'outcome', ['reached', 'unreachable']),
        checkbox('confidentialityExplained', t('action.confidentiality')),
      ],
      body: (f) => ({ channel: formValue(f, 'channel'), outcome: formValue(f, 'outcome'), confidentialityExplained: formChecked(f, 'confidentialityExplained') }),
    });
  }
  if (may('consents/given')) {
    add('engagement', {
      path: 'consents/given', title: t('action.consent'), verb: t('action.give'),
      fields: [select('category', t('action.category'), 'consent', CONSENT_CATEGORIES), select('method', t('action.method'), 'method', CONSENT_METHODS)],
      body: (f) => ({ category: formValue(f, 'category'), method: formValue(f, 'method') }),
      alternatives: [{ path: 'consents/refused', verb: t('action.refuse') }, { path: 'consents/withdrawn', verb: t('action.withdraw') }],
    });
  }
  if (may('consent-exceptions')) {
    const categories = CONSENT_CATEGORIES.filter((c) => !view.consent[c]?.exception && view.consent[c]?.status !== 'given');
    if (categories.length) {
      add('engagement', {
        path: 'consent-exceptions', title: t('action.consentException'), verb: t('verb.consentException'),
        fields: [
          h('p', { class: 'notice' }, t('action.exceptionWarning')),
          select('category', t('action.category'), 'consent', categories),
          select('ground', t('action.ground'), 'ground', CONSENT_EXCEPTION_GROUNDS),
          textarea('reason', t('action.exceptionReason'), { required: true }),
        ],
        body: (f) => ({ category: formValue(f, 'category'), ground: formValue(f, 'ground'), reason: formValue(f, 'reason') }),
        confirm: (f) => confirmStep(t('confirm.exceptionTitle'), [
          h('p', {}, t('confirm.exceptionSummary', { category: label('consent', formValue(f, 'category')), ground: label('ground', formValue(f, 'ground')) })),
        ], t('verb.consentException')),
      });
    }
  }
  identityForm(view, may('identity-verification'), (spec) => add('assessment', spec));
  if (may('assessment') && isOpen('assessment')) {
    add('assessment', {
      path: 'assessment', title: t('action.assessment'), verb: t('verb.assessment'),
      fields: [
        h('fieldset', {}, h('legend', {}, t('action.needs')), ...NEEDS.map((n) => checkbox(`need-${n}`, label('need', n)))),
        select('wish', t('action.wish'), 'wish', ['return', 'stay', 'undecided']),
        checkbox('familyIsRiskSource', t('action.familyRisk')),
        checkbox('safetyPlanAgreed', t('action.safetyPlan')),
      ],
      body: (f) => ({
        needs: Object.fromEntries(NEEDS.map((n) => [n, formChecked(f, `need-${n}`)])),
        wish: formValue(f, 'wish'),
        familyIsRiskSource: formChecked(f, 'familyIsRiskSource'),
        safetyPlanAgreed: formChecked(f, 'safetyPlanAgreed'),
      }),
    });
  }
  const windows = view.clinicalWindows.filter((w) => w.status === 'open' && w.remainingMs > 0).map((w) => w.window);
  if (may('clinical-care') && windows.length) {
    add('assessment', {
      path: 'clinical-care', title: t('action.clinicalCare'), verb: t('verb.clinicalCare'),
      fields: [select('window', t('action.window'), 'window', windows), textarea('medicalDetails', t('action.medicalDetails'))],
      body: (f) => ({ window: formValue(f, 'window'), medicalDetails: optional(formValue(f, 'medicalDetails')) }),
    });
  }
  // The first plan ends the action-plan step; during implementation a new plan revises it.
  if (may('action-plan') && (isOpen('action_plan') || isOpen('implementation'))) {
    add('plan', {
      path: 'action-plan', title: t(isOpen('implementation') ? 'action.revisePlan' : 'action.actionPlan'), verb: t('verb.actionPlan'),
      fields: [
        select('goal', t('action.goal'), 'wish', ['return', 'stay']),
        h('fieldset', {}, h('legend', {}, t('action.tasks')), ...PLANNABLE.map((task) => checkbox(`task-${task}`, label('item', task)))),
      ],
      body: (f) => ({ goal: formValue(f, 'goal'), tasks: PLANNABLE.filter((task) => formChecked(f, `task-${task}`)) }),
    });
  }
  const workable = open('task').filter((i) => i.item !== 'verification_answer').map((i) => i.item);
  const notStarted = open('task').filter((i) => i.item !== 'verification_answer' && i.status === 'open').map((i) => i.item);
  const taskRefusals = refusals(workable, (task) => whyNotTask(view, task));
  if (may('tasks/started') && notStarted.length) {
    add('implementation', {
      path: 'tasks/started', title: t('action.startTask'), verb: t('verb.startTask'),
      fields: [select('task', t('action.task'), 'item', notStarted, { disabled: taskRefusals })],
      body: (f) => ({ task: formValue(f, 'task') }),
    });
  }
  if (may('tasks/completed') && workable.length) {
    add('implementation', {
      path: 'tasks/completed', title: t('action.completeTask'), verb: t('verb.completeTask'),
      fields: [select('task', t('action.task'), 'item', workable, { disabled: taskRefusals }), textarea('note', t('action.optionalNote'))],
      body: (f) => ({ task: formValue(f, 'task'), note: optional(formValue(f, 'note')) }),
    });
  }
  const openSteps = open('step').map((i) => i.item);
  const plainSteps = openSteps.filter((step) => ENDED_BY_COMPLETE_STEP.includes(step));
  if (may('steps/completed') && plainSteps.length) {
    add('implementation', {
      path: 'steps/completed', title: t('action.completeStep'), verb: t('verb.completeStep'),
      fields: [select('step', t('action.step'), 'item', plainSteps)],
      body: (f) => ({ step: formValue(f, 'step') }),
    });
  }
  const followUps = openSteps.filter((step) => step === 'follow_up_day_7' || step === 'follow_up_day_30');
  if (may('follow-ups') && followUps.length) {
    add('follow_up', {
      path: 'follow-ups', title: t('action.followUp'), verb: t('verb.followUp'),
      fields: [
        select('step', t('action.step'), 'item', followUps, followUps.length === 1 ? { selected: followUps[0] } : {}),
        select('outcome', t('action.outcome'), 'outcome', ['reached', 'unreachable']),
        textarea('note', t('action.optionalNote')),
      ],
      body: (f) => ({ step: formValue(f, 'step'), outcome: formValue(f, 'outcome'), note: optional(formValue(f, 'note')) }),
    });
  }
  if (may('assignment') && view.status !== 'closed') {
    add('case', {
      path: 'assignment', title: view.assignee ? t('action.reassign') : t('action.assign'), verb: t('verb.assign'),
      fields: [staffPicker('caseworkerId', t('action.assignee'), view.missionCode, 'caseworker', view.assignee)],
      body: (f) => ({ caseworkerId: formValue(f, 'caseworkerId') }),
    });
  }
  if (may('shares')) {
    add('case', {
      path: 'shares', title: t('action.share'), verb: t('verb.share'),
      fields: [staffPicker('userId', t('action.shareWith'), view.missionCode, 'caseworker', view.assignee)],
      body: (f) => ({ userId: formValue(f, 'userId') }),
    });
  }
  if (view.status !== 'closed' && (view.pause ? may('resume') : may('pause'))) {
    if (view.pause) add('case', { path: 'resume', title: t('action.resume'), verb: t('verb.resume'), fields: [], body: () => ({}) });
    else add('case', { path: 'pause', title: t('action.pause'), verb: t('verb.pause'), fields: [select('reason', t('action.pauseReason'), 'pause', PAUSE_REASONS)], body: (f) => ({ reason: formValue(f, 'reason') }) });
  }
  if (may('notes')) add('case', { path: 'notes', title: t('action.note'), verb: t('verb.note'), fields: [textarea('text', t('action.noteText'), { required: true })], body: (f) => ({ text: formValue(f, 'text') }) });
  // Not while the case is still being taken in: a case closes after she was engaged, or as unreachable later.
  if (view.status === 'open' && view.stage !== 'intake' && may('closure/requested')) {
    add('case', {
      path: 'closure/requested', title: t('action.requestClosure'), verb: t('verb.requestClosure'),
      fields: [select('reason', t('action.closureReason'), 'closure', CLOSURE_REASONS)],
      body: (f) => ({ reason: formValue(f, 'reason') }),
    });
  }
  if (view.status === 'closure_requested' && may('closure/approved')) {
    add('case', {
      path: 'closure/approved', title: t('action.approveClosure'), verb: t('verb.approveClosure'), fields: [], body: () => ({}),
      confirm: () => confirmStep(t('confirm.closureTitle', { id: view.caseId }), closureSummary(view), t('verb.approveClosure')),
    });
  }
  if (view.status === 'closure_requested' && may('closure/rejected')) {
    add('case', { path: 'closure/rejected', title: t('action.rejectClosure'), verb: t('verb.rejectClosure'), fields: [textarea('note', t('action.optionalNote'))], body: (f) => ({ note: optional(formValue(f, 'note')) }) });
  }
  if (view.status !== 'closed' && may('intake-correction')) add('case', correctionForm(view));
  const newer = view.newerProtocolVersions ?? [];
  if (view.status !== 'closed' && newer.length && may('protocol-migration')) {
    add('case', {
      path: 'protocol-migration', title: t('action.migrate', { version: view.protocolVersion }), verb: t('verb.migrate'),
      fields: [select('toVersion', t('action.toVersion'), 'protocol', newer, newer.length === 1 ? { selected: newer[0], labelOf: (v) => v } : { labelOf: (v) => v })],
      body: (f) => ({ toVersion: formValue(f, 'toVersion') }),
      confirm: (f) => confirmStep(t('confirm.migrateTitle', { version: formValue(f, 'toVersion') }), [
        h('p', {}, t('confirm.migrateSummary', { from: view.protocolVersion, to: formValue(f, 'toVersion'), count: view.openItems.length })),
        h('ul', {}, ...view.openItems.map((item) => h('li', {}, label('item', item.item)))),
      ], t('verb.migrate')),
    });
  }
  if (view.status === 'closed' && may('reopened')) {
    // Work resumes at a step: by default the one open at closure (the domain chooses it).
    add('case', {
      path: 'reopened', title: t('action.reopen'), verb: t('verb.reopen'),
      fields: [
        select('step', t('action.resumeStep'), 'item', ['', ...STEP_IDS], { selected: '', labelOf: (c) => (c === '' ? t('action.resumeDefault') : label('item', c)) }),
        textarea('note', t('action.optionalNote')),
      ],
      body: (f) => ({ note: optional(formValue(f, 'note')), ...(formValue(f, 'step') ? { step: formValue(f, 'step') } : {}) }),
    });
  }

  const drawn = GROUPS.filter((g) => groups.has(g)).map((g) =>
    h('section', { class: 'action-group', 'aria-labelledby': `group-${g}`, 'data-group': g }, h('h3', { id: `group-${g}` }, t(`group.${g}`)), ...groups.get(g)!));
  show(target, h('h2', { id: 'actions-title' }, t('case.actions')), ...(drawn.length ? drawn : [h('p', {}, t('case.noActions'))]));
}

/** What approving the closure leaves undone: every open step and task, and what still waits for consent. */
function closureSummary(view: CaseView): Node[] {
  const open = view.openItems.map((i) => label('item', i.item));
  const waiting = (view.waitingForConsent ?? []).map((w) => label('item', w.item));
  const still = [...open, ...waiting];
  return [
    h('p', {}, t('confirm.closureReason', { reason: label('closure', view.pendingClosure?.reason ?? '') })),
    still.length
      ? h('div', { class: 'notice danger' }, h('p', {}, t('confirm.closureOpenItems', { count: still.length })), h('ul', { 'data-testid': 'closure-open-items' }, ...still.map((s) => h('li', {}, s))))
      : h('p', {}, t('confirm.closureNothingOpen')),
  ];
}

/**
 * One select of what happened, offered by where the identity stands: a document seen while not yet verified; a
 * request while the verification step is open (refused without consent to share with the home authorities); the
 * answer while the verification answer is awaited.
 */
function identityForm(view: CaseView, allowed: boolean, add: (spec: ActionForm) => void): void {
  if (!allowed || view.status === 'closed') return;
  const verified = view.identity === 'documents_seen' || view.identity === 'confirmed';
  const options = [
    ...(verified ? [] : ['documents_seen.passport', 'documents_seen.national_id', 'documents_seen.other']),
    ...(view.openItems.some((i) => i.item === 'identity_verification') ? ['request_sent'] : []),
    ...(view.openItems.some((i) => i.item === 'verification_answer') ? ['answer_received.confirmed', 'answer_received.not_confirmed'] : []),
  ];
  if (!options.length) return;
  add({
    path: 'identity-verification', title: t('action.identity'), verb: t('verb.identity'),
    fields: [
      h('p', { class: 'legend' }, t('identityStatus', { status: label('identityState', view.identity) })),
      select('outcome', t('action.identityOutcome'), 'identity', options, { disabled: refusals(options, (o) => (o === 'request_sent' ? whyNotVerificationRequest(view) : undefined)) }),
      input('documentNumber', t('action.documentNumber'), { autocomplete: 'off', maxlength: 40 }),
    ],
    body: (f) => {
      const [kind, detail] = formValue(f, 'outcome').split('.') as [string, string | undefined];
      const outcome = kind === 'documents_seen' ? { kind, document: detail } : kind === 'answer_received' ? { kind, confirmed: detail === 'confirmed' } : { kind };
      const documentNumber = kind === 'documents_seen' ? optional(formValue(f, 'documentNumber')) : undefined;
      return { outcome, documentNumber };
    },
  });
}

/**
 * Correcting the intake (re-triage): only the fields changed are sent ("keep as it is" sends nothing), with a
 * reason. The incident time is typed on the mission's clock.
 */
function correctionForm(view: CaseView): ActionForm {
  const keep = (kind: string) => (code: string): string => (code === '' ? t('action.keep') : label(kind, code));
  return {
    path: 'intake-correction', title: t('action.correctIntake'), verb: t('verb.correctIntake'),
    fields: [
      h('p', { class: 'legend' }, t('action.correctionHint')),
      select('risk', t('col.risk'), 'risk', ['', ...RISK_LEVELS.filter((r) => r !== view.risk)], { selected: '', labelOf: keep('risk') }),
      select('gbvType', t('new.gbvType'), 'gbvType', ['', ...GBV_TYPES.filter((g) => g !== view.intake?.gbvType)], { selected: '', labelOf: keep('gbvType') }),
      input('incidentAt', t('new.incidentAt'), { type: 'datetime-local' }),
      select('incidentTimeEstimated', t('new.incidentKnown'), 'incidentKnown', ['', 'known', 'estimated'], { selected: '', labelOf: keep('incidentKnown') }),
      textarea('reason', t('action.correctionReason'), { required: true, maxlength: 2000 }),
    ],
    body: (f) => {
      const incidentAt = formValue(f, 'incidentAt') ? instantFromWallTime(formValue(f, 'incidentAt'), timeZoneOf(view.missionCode)) : undefined;
      const estimated = formValue(f, 'incidentTimeEstimated');
      return {
        reason: formValue(f, 'reason'),
        ...(formValue(f, 'risk') ? { risk: formValue(f, 'risk') } : {}),
        ...(formValue(f, 'gbvType') ? { gbvType: formValue(f, 'gbvType') } : {}),
        ...(incidentAt ? { incidentAt } : {}),
        ...(estimated ? { incidentTimeEstimated: estimated === 'estimated' } : {}),
      };
    },
  };
}
