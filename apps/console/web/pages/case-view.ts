// One case as a caseworker works it: her details and safety first, then the open steps with their deadlines and
// what can be done now, grouped by step; the clocks, the ladder, consent and the timeline below. The reading (codes
// only) is kept current by polling; her personal part is read once when the page opens and again only when the
// case changed (a new version), so a page left open is one entry in the read audit, not one per refresh. Forms
// are redrawn only on a new version, so nothing being typed is lost to a refresh; after a save, focus goes to the
// form's answer.
import { get, newIdempotencyKey, post } from '../api.js';
import type { CaseView, Clock, PersonalReading, Reading } from '../case-reading.js';
import { clockBar, type ClockReading, type Stretch } from '../charts.js';
import { h, show, svg } from '../dom.js';
import { formValue, problemText, showMessage, statusLine, textarea } from '../forms.js';
import { label, language, t } from '../i18n.js';
import { keepFresh } from '../live.js';
import { missionName } from '../missions.js';
import { sentence } from '../timeline.js';
import { formatDuration, formatInstant } from '../time.js';
import { CONSENT_CATEGORIES } from '../../../../libs/domain/src/shared/vocabulary.js';
import { drawActions } from './case-actions.js';
import { drawDetails, type PersonalState } from './case-details.js';

export function caseViewPage(root: HTMLElement, caseId: string): () => void {
  const card = (id: string, testId?: string) => h('section', { class: 'card', 'aria-labelledby': id, ...(testId ? { 'data-testid': testId } : {}) });
  const summary = card('summary-title');
  const details = card('details-title', 'details');
  const steps = card('steps-title', 'open-steps');
  const actions = card('actions-title', 'actions');
  const clocks = card('clocks-title');
  const windows = card('windows-title');
  const ladder = card('ladder-title');
  const consent = card('consent-title');
  const timeline = card('timeline-title');
  const failure = h('p', { class: 'form-status error', role: 'alert', hidden: true });
  const pageStatus = statusLine();
  pageStatus.classList.add('page-status');
  const heading = h('div', { class: 'title-row' }, h('h1', { id: 'case-title' }, t('case.title', { id: caseId })));
  // Her details and safety before where the case stands: on a phone, the number to call is on the first screen.
  root.replaceChildren(heading, failure, pageStatus, details, summary,
    h('div', { class: 'two' }, steps, actions),
    h('div', { class: 'two' }, h('div', {}, clocks, windows), h('div', {}, ladder, consent)),
    timeline);
  let latest: Reading | undefined;
  let formsVersion = -1;
  let formsLanguage = '';
  let personalVersion = -1;
  let personal: PersonalState = { kind: 'loading' };
  /** Read through break-glass with a reason: kept as read, never fetched again without one. */
  let withReason = false;

  // Redrawn only when the case or the personal part changed: a refresh must not take the focus from the reason
  // being typed, nor re-read anything.
  let personalRevision = 0;
  let detailsDrawnFor = '';
  const drawPersonal = (): void => {
    const drawnFor = `${latest?.version}|${personalRevision}|${language()}`;
    if (!latest || drawnFor === detailsDrawnFor) return;
    detailsDrawnFor = drawnFor;
    drawDetails(details, latest.case, personal);
  };
  const setPersonal = (next: PersonalState): void => {
    personal = next;
    personalRevision += 1;
    drawPersonal();
  };
  const loadPersonal = async (version: number): Promise<void> => {
    personalVersion = version;
    const result = await get<PersonalReading>(`/v1/cases/${encodeURIComponent(caseId)}/personal`);
    if (result.ok) setPersonal({ kind: 'read', personal: result.body.personal });
    else if (result.problem.code === 'REASON_REQUIRED') setPersonal({ kind: 'reason_required', form: reasonForm() });
    else setPersonal({ kind: 'failed', message: problemText(result.problem) });
  };
  /** HQ reading another mission's survivor: a reason first, recorded with the read (as break-glass). */
  const reasonForm = (): HTMLElement => {
    const status = statusLine();
    const key = newIdempotencyKey();
    const form = h('form', { class: 'reason', 'data-testid': 'reason-form' },
      h('p', { class: 'notice' }, t('details.reasonRequired')),
      textarea('reason', t('details.reason'), { required: true, maxlength: 500 }),
      h('button', { type: 'submit' }, t('verb.readWithReason')), status);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void post<Reading>(`/v1/cases/${encodeURIComponent(caseId)}/break-glass`, { reason: formValue(form, 'reason') }, key).then((result) => {
        if (!result.ok) {
          status.className = 'form-status error';
          status.textContent = problemText(result.problem);
          return;
        }
        withReason = true;
        setPersonal({ kind: 'read', personal: result.body.case.personal ?? {} });
        details.querySelector<HTMLElement>('h2')?.focus();
      });
    });
    return form;
  };

  const draw = (reading: Reading): void => {
    latest = reading;
    const view = reading.case;
    // Redrawn only when its words change: a refresh must not take the focus from its link.
    if (heading.dataset.drawn !== `${view.risk}|${language()}`) {
      heading.dataset.drawn = `${view.risk}|${language()}`;
      drawHeading(heading, view, caseId);
    }
    drawSummary(summary, view);
    drawPersonal();
    if (!withReason && personal.kind !== 'reason_required' && reading.version !== personalVersion) void loadPersonal(reading.version);
    drawSteps(steps, view);
    drawClocks(clocks, view, pausedStretches(reading));
    drawWindows(windows, view);
    drawLadder(ladder, view.escalationLevel);
    drawConsent(consent, view);
    drawTimeline(timeline, reading);
    if (formsVersion !== reading.version || formsLanguage !== language()) {
      formsVersion = reading.version;
      formsLanguage = language();
      drawActions(actions, reading, (path) => void afterCommand(path));
    }
  };

  const read = async (): Promise<Reading | undefined> => {
    const result = await get<Reading>(`/v1/cases/${encodeURIComponent(caseId)}`);
    if (!result.ok) {
      failure.hidden = false;
      failure.textContent = result.problem.status === 404 ? t('error.notFound') : problemText(result.problem);
      return undefined;
    }
    failure.hidden = true;
    return result.body;
  };

  /** A command was accepted: read the case again, then tell it at the form (or the page, if the form is gone). */
  const afterCommand = async (path: string): Promise<void> => {
    const fresh = await read();
    if (fresh) draw(fresh);
    const line = actions.querySelector<HTMLElement>(`[data-command="${path}"] .form-status`) ?? pageStatus;
    showMessage(line, 'action.done');
    line.focus();
  };

  show(summary, h('p', { class: 'loading', 'data-state': 'loading' }, t('state.loading')));
  return keepFresh(async () => {
    const reading = await read();
    if (reading) draw(reading);
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

function drawHeading(target: HTMLElement, view: CaseView, caseId: string): void {
  show(target,
    h('h1', { id: 'case-title' }, t('case.title', { id: view.caseId }), ' ', h('span', { class: `chip risk-${view.risk}` }, label('risk', view.risk))),
    h('a', { href: `#/case/${encodeURIComponent(caseId)}/print`, class: 'button secondary' }, t('print.link')));
}

function drawSummary(target: HTMLElement, view: CaseView): void {
  show(target,
    h('h2', { id: 'summary-title' }, t('case.where')),
    h('dl', { class: 'facts' },
      ...fact(t('case.status'), label('status', view.status)),
      ...fact(t('col.stage'), label('stage', view.stage)),
      ...fact(t('case.mission'), missionName(view.missionCode)),
      ...fact(t('case.assignee'), view.assignee ?? t('case.unassigned')),
      ...fact(t('case.opened'), formatInstant(view.openedAt, view.missionCode)),
      ...fact(t('case.identity'), label('identityState', view.identity)),
      ...(view.pendingClosure ? fact(t('case.closureRequested'), t('case.closureWhen', { reason: label('closure', view.pendingClosure.reason), time: formatInstant(view.pendingClosure.requestedAt, view.missionCode) })) : []),
      ...(view.closed ? fact(t('case.closedAt'), t('case.closureWhen', { reason: label('closure', view.closed.reason), time: formatInstant(view.closed.at, view.missionCode) })) : [])),
    view.pause ? h('p', { class: 'notice' }, t('case.paused', { since: formatInstant(view.pause.since, view.missionCode), reason: label('pause', view.pause.reason) })) : null,
    view.stuck.length ? h('p', { class: 'notice danger' }, t('case.stuck', { reasons: view.stuck.map((r) => t(`stuck.${r.kind}` as 'stuck.inactivity', { item: r.item ? label('item', r.item) : '', level: r.level ?? '' })).join('; ') })) : null);
}

/** The open steps and tasks, soonest due first, and what waits for her consent (with what would unblock it). */
function drawSteps(target: HTMLElement, view: CaseView): void {
  const waiting = view.waitingForConsent ?? [];
  show(target,
    h('h2', { id: 'steps-title' }, t('steps.title')),
    view.openItems.length === 0 && waiting.length === 0 ? h('p', { class: 'empty' }, t('steps.none')) : null,
    view.openItems.length ? h('ul', { class: 'steps' }, ...view.openItems.map((item) => {
      const overdue = item.remainingMs < 0;
      return h('li', { 'data-item': item.item, class: overdue ? 'overdue' : '' },
        h('strong', {}, label('item', item.item)), ' · ', label('itemStatus', item.status), ' · ',
        t('clock.due', { time: formatInstant(item.dueAt, view.missionCode) }), ' · ',
        overdue ? t('clock.overdue', { d: formatDuration(item.remainingMs) }) : t('clock.remaining', { d: formatDuration(item.remainingMs) }),
        item.escalationLevel > 0 ? h('span', { class: 'chip risk-critical' }, t('steps.level', { level: item.escalationLevel })) : null);
    })) : null,
    waiting.length ? h('div', { class: 'notice', 'data-testid': 'waiting-for-consent' },
      h('h3', {}, t('steps.waitingTitle')),
      h('ul', {}, ...waiting.map((w) => h('li', { 'data-item': w.item },
        t('steps.waiting', { item: label('item', w.item), category: w.consentCategory ? label('consent', w.consentCategory) : '', since: formatInstant(w.blockedSince, view.missionCode) }))))) : null);
}

function clockText(clock: Clock): string {
  const parts = [label('item', clock.item), label('itemStatus', clock.status), t('clock.elapsed', { d: formatDuration(clock.elapsedMs) })];
  if (clock.pausedMs > 0) parts.push(t('clock.paused', { d: formatDuration(clock.pausedMs) }));
  if (clock.status !== 'done' && clock.status !== 'cancelled') parts.push(clock.remainingMs >= 0 ? t('clock.remaining', { d: formatDuration(clock.remainingMs) }) : t('clock.overdue', { d: formatDuration(clock.remainingMs) }));
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
    h('table', { 'data-testid': 'consent', class: 'stack' }, h('tbody', {}, ...CONSENT_CATEGORIES.map((category) => {
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
    h('ol', { class: 'timeline', 'data-testid': 'timeline', reversed: true }, ...[...reading.timeline].reverse().map((entry) =>
      h('li', { 'data-type': entry.type },
        h('time', { datetime: entry.at }, formatInstant(entry.at, mission)), ' — ', sentence(entry, mission),
        entry.by ? h('span', { class: 'by' }, ` (${t('event.by', { by: entry.by })})`) : null))));
}
