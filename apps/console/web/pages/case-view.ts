// One case: where it stands, every clock as a bar, the clinical windows apart, the escalation ladder, consent per
// recipient, the timeline in plain words, and only the actions the signed-in user may take — each form showing
// the API's answer or domain error right under it. Kept current by polling; the forms are redrawn only when the
// case itself changed (a new version), so nothing being typed is lost to a refresh.
import { get, post, type Problem } from '../api.js';
import { clockBar, type ClockReading, type Stretch } from '../charts.js';
import { h, show, svg } from '../dom.js';
import { checkbox, formChecked, formValue, input, select, showMessage, showProblem, statusLine, textarea } from '../forms.js';
import { has, label, language, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { keepFresh } from '../live.js';
import { mayRun, type CommandPath } from '../permissions.js';
import { formatDuration, formatInstant } from '../time.js';
import { CLOSURE_REASONS, CONSENT_CATEGORIES, CONSENT_METHODS, CONTACT_CHANNELS } from '../../../../libs/domain/src/shared/vocabulary.js';

interface Clock extends ClockReading { item: string; kind: string; escalationLevel: number }
interface CaseView {
  caseId: string; status: string; stage: string; risk: string; missionCode: string; assignee?: string; openedAt: string;
  pause?: { reason: string; since: string };
  openItems: Clock[]; clocks: Clock[];
  clinicalWindows: Array<{ window: string; endsAt: string; status: string; remainingMs: number }>;
  consent: Record<string, { status: string; at?: string; method?: string; exception?: string }>;
  escalationLevel: number;
  stuck: Array<{ kind: string; item?: string; level?: number }>;
  personal?: { subject?: { fullName?: string } };
}
interface Reading { case: CaseView; version: number; timeline: Array<{ version: number; at: string; type: string; by?: string; text: string }>; permittedCommands?: string[] }

export function caseViewPage(root: HTMLElement, session: Session, caseId: string): () => void {
  const summary = h('section', { class: 'card', 'aria-labelledby': 'case-title' });
  const clocks = h('section', { class: 'card', 'aria-labelledby': 'clocks-title' });
  const windows = h('section', { class: 'card', 'aria-labelledby': 'windows-title' });
  const ladder = h('section', { class: 'card', 'aria-labelledby': 'ladder-title' });
  const consent = h('section', { class: 'card', 'aria-labelledby': 'consent-title' });
  const actions = h('section', { class: 'card', 'aria-labelledby': 'actions-title' });
  const timeline = h('section', { class: 'card', 'aria-labelledby': 'timeline-title' });
  const failure = h('p', { class: 'form-status error', role: 'alert', hidden: true });
  root.replaceChildren(failure, summary, h('div', { class: 'two' }, h('div', {}, clocks, windows, ladder), h('div', {}, actions, consent)), timeline);
  let formsVersion = -1;
  let formsLanguage = '';

  const draw = (reading: Reading): void => {
    const view = reading.case;
    const paused = pausedStretches(reading);
    drawSummary(summary, view);
    drawClocks(clocks, view, paused);
    drawWindows(windows, view);
    drawLadder(ladder, view.escalationLevel);
    drawConsent(consent, view);
    drawTimeline(timeline, reading);
    if (formsVersion !== reading.version || formsLanguage !== language()) {
      formsVersion = reading.version;
      formsLanguage = language();
      drawActions(actions, session, reading, (next) => draw(next));
    }
  };

  return keepFresh(async () => {
    const result = await get<Reading>(`/v1/cases/${encodeURIComponent(caseId)}`);
    if (!result.ok) {
      failure.hidden = false;
      failure.textContent = result.problem.status === 404 ? t('error.notFound') : result.problem.status === 0 ? t('live.offline') : t('error.problem', { code: result.problem.code, detail: result.problem.detail ?? '' });
      return;
    }
    failure.hidden = true;
    draw(result.body);
  });
}

/** Stretches the procedural clocks stood still, from the timeline's ClockPaused / ClockResumed. */
function pausedStretches(reading: Reading): Stretch[] {
  const stretches: Stretch[] = [];
  let from: number | undefined;
  for (const entry of reading.timeline) {
    if (entry.type === 'ClockPaused') from = Date.parse(entry.at);
    if (entry.type === 'ClockResumed' && from !== undefined) {
      stretches.push({ from, to: Date.parse(entry.at) });
      from = undefined;
    }
  }
  if (from !== undefined) stretches.push({ from, to: Date.now() });
  return stretches;
}

function fact(term: string, value: Node | string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function drawSummary(target: HTMLElement, view: CaseView): void {
  const name = view.personal?.subject?.fullName;
  show(target,
    h('h1', { id: 'case-title' }, t('case.title', { id: view.caseId }), ' ', h('span', { class: `chip risk-${view.risk}` }, label('risk', view.risk))),
    h('dl', { class: 'facts' },
      ...(name ? fact(t('case.person'), name) : []),
      ...fact(t('case.status'), label('status', view.status)),
      ...fact(t('col.stage'), label('stage', view.stage)),
      ...fact(t('case.mission'), view.missionCode),
      ...fact(t('case.assignee'), view.assignee ?? t('case.unassigned')),
      ...fact(t('case.opened'), formatInstant(view.openedAt, view.missionCode))),
    view.pause ? h('p', { class: 'notice' }, t('case.paused', { since: formatInstant(view.pause.since, view.missionCode), reason: label('pause', view.pause.reason) })) : null,
    view.stuck.length ? h('p', { class: 'notice danger' }, t('case.stuck', { reasons: view.stuck.map((r) => t(`stuck.${r.kind}` as 'stuck.inactivity', { item: r.item ? label('item', r.item) : '', level: r.level ?? '' })).join('; ') })) : null);
}

function clockText(clock: Clock): string {
  const parts = [label('item', clock.item), label('itemStatus', clock.status), t('clock.elapsed', { d: formatDuration(clock.elapsedMs) })];
  if (clock.pausedMs > 0) parts.push(t('clock.paused', { d: formatDuration(clock.pausedMs) }));
  if (clock.status === 'done' || clock.status === 'cancelled') parts.push(t('clock.done'));
  else parts.push(clock.remainingMs >= 0 ? t('clock.remaining', { d: formatDuration(clock.remainingMs) }) : t('clock.overdue', { d: formatDuration(clock.remainingMs) }));
  return parts.join(' · ');
}

function drawClocks(target: HTMLElement, view: CaseView, paused: readonly Stretch[]): void {
  const sorted = [...view.clocks].sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
  show(target,
    h('h2', { id: 'clocks-title' }, t('case.clocks')),
    h('p', { class: 'legend' }, t('clock.legend')),
    h('ul', { class: 'clocks', 'data-testid': 'clocks' }, ...sorted.map((clock) => {
      const text = clockText(clock);
      const overdue = clock.remainingMs < 0 && clock.status !== 'done' && clock.status !== 'cancelled';
      return h('li', { 'data-item': clock.item, 'data-status': clock.status, class: overdue ? 'overdue' : '' },
        h('div', { class: 'clock-head' }, h('strong', {}, label('item', clock.item)), ' ', h('span', {}, t('clock.due', { time: formatInstant(clock.dueAt, view.missionCode) }))),
        clockBar(clock, paused, text),
        h('p', { class: 'clock-text' }, text));
    })));
}

function drawWindows(target: HTMLElement, view: CaseView): void {
  const opened = Date.parse(view.openedAt);
  show(target,
    h('h2', { id: 'windows-title' }, t('case.clinical')),
    view.clinicalWindows.length === 0 ? h('p', {}, t('case.clinicalNone')) : h('ul', { class: 'clocks' }, ...view.clinicalWindows.map((w) => {
      const ends = Date.parse(w.endsAt);
      const now = ends - w.remainingMs;
      const text = `${label('window', w.window)} · ${label('windowStatus', w.status)} · ${w.remainingMs >= 0 ? t('clock.remaining', { d: formatDuration(w.remainingMs) }) : t('clock.overdue', { d: formatDuration(w.remainingMs) })}`;
      const reading: ClockReading = { openedAt: view.openedAt, dueAt: w.endsAt, elapsedMs: Math.max(0, Math.min(now, ends) - opened), pausedMs: 0, remainingMs: w.remainingMs, status: w.status };
      return h('li', { 'data-window': w.window },
        h('div', { class: 'clock-head' }, h('strong', {}, label('window', w.window)), ' ', t('window.endsAt', { time: formatInstant(w.endsAt, view.missionCode) })),
        clockBar(reading, [], text), h('p', { class: 'clock-text' }, text));
    })));
}

function drawLadder(target: HTMLElement, level: number): void {
  const rungs = ['case.ladderLevel0', 'case.ladderLevel1', 'case.ladderLevel2', 'case.ladderLevel3'] as const;
  show(target,
    h('h2', { id: 'ladder-title' }, t('case.ladder')),
    h('ol', { class: 'ladder', 'data-testid': 'ladder', 'data-level': level }, ...rungs.map((key, i) =>
      h('li', { class: i === level ? `current level-${i}` : i < level ? 'passed' : '', 'aria-current': i === level ? 'step' : null },
        svg('svg', { width: 14, height: 14, 'aria-hidden': 'true' }, svg('circle', { cx: 7, cy: 7, r: 6 })), ' ', t(key),
        i === level ? h('span', { class: 'visually-hidden' }, ` (${t('case.ladderCurrent')})`) : null))));
}

function drawConsent(target: HTMLElement, view: CaseView): void {
  show(target,
    h('h2', { id: 'consent-title' }, t('case.consent')),
    h('table', { 'data-testid': 'consent' }, h('tbody', {}, ...CONSENT_CATEGORIES.map((category) => {
      const record = view.consent[category];
      const status = record?.exception ? t('consentStatus.exception', { ground: label('ground', record.exception) }) : label('consentStatus', record?.status ?? 'not_asked');
      return h('tr', { 'data-category': category },
        h('th', { scope: 'row' }, label('consent', category)),
        h('td', { class: `consent-${record?.status ?? 'not_asked'}` }, status, record?.method ? ` (${label('method', record.method)})` : ''),
        h('td', {}, record?.at ? formatInstant(record.at, view.missionCode) : ''));
    }))));
}

function drawTimeline(target: HTMLElement, reading: Reading): void {
  const mission = reading.case.missionCode;
  show(target,
    h('h2', { id: 'timeline-title' }, t('case.timeline')),
    h('ol', { class: 'timeline', 'data-testid': 'timeline', reversed: true }, ...[...reading.timeline].reverse().map((entry) => {
      const key = `eventType.${entry.type}`;
      // English shows the API's own plain words; Vietnamese the event's label from the catalogue.
      const words = language() === 'en' || !has(key) ? entry.text : t(key);
      return h('li', { 'data-type': entry.type },
        h('time', { datetime: entry.at }, formatInstant(entry.at, mission)), ' — ', words,
        entry.by ? h('span', { class: 'by' }, ` (${t('event.by', { by: entry.by })})`) : null);
    })));
}

type Send = (path: CommandPath, body: Record<string, unknown>, status: HTMLElement) => void;

function drawActions(target: HTMLElement, session: Session, reading: Reading, redraw: (next: Reading) => void): void {
  const view = reading.case;
  const may = (path: CommandPath): boolean => view.status !== 'closed' && mayRun(path, session.role, reading.permittedCommands);
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
  const form = (path: CommandPath, title: string, fields: HTMLElement[], body: (f: HTMLFormElement, submitter: HTMLElement | null) => Record<string, unknown>, buttons?: HTMLElement[]): void => {
    const status = statusLine();
    const element = h('form', { class: 'action', 'data-command': path }, h('h3', {}, title), ...fields, ...(buttons ?? [h('button', { type: 'submit' }, t('action.submit'))]), status);
    element.addEventListener('submit', (e) => {
      e.preventDefault();
      send(path, body(element, (e as SubmitEvent).submitter), status);
    });
    forms.push(element);
  };

  for (const item of view.openItems.filter((i) => i.escalationLevel > 0)) {
    if (may('escalations/acknowledged')) form('escalations/acknowledged', t('action.acknowledge', { item: label('item', item.item), level: item.escalationLevel }), [], () => ({ item: item.item }));
  }
  if (may('assignment')) form('assignment', t('action.assign'), [input('caseworkerId', t('action.assignee'), { required: true, value: view.assignee ?? '' })], (f) => ({ caseworkerId: formValue(f, 'caseworkerId') }));
  if (may('contacts')) {
    form('contacts', t('action.contact'), [
      select('channel', t('action.channel'), 'channel', CONTACT_CHANNELS, 'walk_in'),
      select('outcome', t('action.outcome'), 'outcome', ['reached', 'unreachable'], 'reached'),
      checkbox('confidentialityExplained', t('action.confidentiality'), true),
    ], (f) => ({ channel: formValue(f, 'channel'), outcome: formValue(f, 'outcome'), confidentialityExplained: formChecked(f, 'confidentialityExplained') }));
  }
  if (may('assessment') && view.openItems.some((i) => i.item === 'assessment')) {
    const needs = ['safety', 'medical', 'shelter', 'legal', 'psychosocial'];
    form('assessment', t('action.assessment'), [
      h('fieldset', {}, h('legend', {}, t('action.needs')), ...needs.map((n) => checkbox(`need-${n}`, label('need', n)))),
      select('wish', t('action.wish'), 'wish', ['return', 'stay', 'undecided'], 'undecided'),
      checkbox('familyIsRiskSource', t('action.familyRisk')),
      checkbox('safetyPlanAgreed', t('action.safetyPlan')),
    ], (f) => ({
      needs: Object.fromEntries(needs.map((n) => [n, formChecked(f, `need-${n}`)])),
      wish: formValue(f, 'wish'),
      familyIsRiskSource: formChecked(f, 'familyIsRiskSource'),
      safetyPlanAgreed: formChecked(f, 'safetyPlanAgreed'),
    }));
  }
  const openSteps = view.openItems.filter((i) => i.kind === 'step').map((i) => i.item);
  if (may('steps/completed') && openSteps.length) {
    form('steps/completed', t('action.completeStep'), [select('step', t('action.step'), 'item', openSteps)], (f) => ({ step: formValue(f, 'step') }));
  }
  if (may('consents/given')) {
    const consentButtons = [
      h('button', { type: 'submit', value: 'consents/given' }, t('action.give')),
      h('button', { type: 'submit', value: 'consents/refused', class: 'secondary' }, t('action.refuse')),
      h('button', { type: 'submit', value: 'consents/withdrawn', class: 'secondary' }, t('action.withdraw')),
    ];
    const status = statusLine();
    const element = h('form', { class: 'action', 'data-command': 'consents/given' }, h('h3', {}, t('action.consent')),
      select('category', t('action.category'), 'consent', CONSENT_CATEGORIES),
      select('method', t('action.method'), 'method', CONSENT_METHODS),
      ...consentButtons, status);
    element.addEventListener('submit', (e) => {
      e.preventDefault();
      const path = ((e as SubmitEvent).submitter as HTMLButtonElement | null)?.value as CommandPath | undefined;
      send(path ?? 'consents/given', { category: formValue(element, 'category'), method: formValue(element, 'method') }, status);
    });
    forms.push(element);
  }
  if (view.pause ? may('resume') : may('pause')) {
    if (view.pause) form('resume', t('action.resume'), [], () => ({}));
    else form('pause', t('action.pause'), [select('reason', t('action.pauseReason'), 'pause', ['survivor_deciding', 'survivor_unreachable'])], (f) => ({ reason: formValue(f, 'reason') }));
  }
  if (may('notes')) form('notes', t('action.note'), [textarea('text', t('action.noteText'))], (f) => ({ text: formValue(f, 'text') }));
  if (view.status === 'open' && may('closure/requested')) {
    form('closure/requested', t('action.requestClosure'), [select('reason', t('action.closureReason'), 'closure', CLOSURE_REASONS)], (f) => ({ reason: formValue(f, 'reason') }));
  }
  if (view.status === 'closure_requested' && may('closure/approved')) form('closure/approved', t('action.approveClosure'), [], () => ({}));
  if (view.status === 'closure_requested' && may('closure/rejected')) form('closure/rejected', t('action.rejectClosure'), [], () => ({}));

  show(target, h('h2', { id: 'actions-title' }, t('case.actions')), ...(forms.length ? forms : [h('p', {}, t('case.noActions'))]));
}
