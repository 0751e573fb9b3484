// One case: where it stands, every clock as a bar, the clinical windows apart, the escalation ladder, consent per
// recipient, the timeline in plain words, and only the actions the signed-in user may take — each form showing
// the API's answer or domain error right under it. Kept current by polling; the forms are redrawn only when the
// case itself changed (a new version), so nothing being typed is lost to a refresh.
import { get } from '../api.js';
import type { CaseView, Clock, Reading } from '../case-reading.js';
import { clockBar, type ClockReading, type Stretch } from '../charts.js';
import { h, show, svg } from '../dom.js';
import { label, language, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { keepFresh } from '../live.js';
import { sentence } from '../timeline.js';
import { formatDuration, formatInstant } from '../time.js';
import { CONSENT_CATEGORIES } from '../../../../libs/domain/src/shared/vocabulary.js';
import { drawActions } from './case-actions.js';

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
      ...fact(t('case.opened'), formatInstant(view.openedAt, view.missionCode)),
      ...fact(t('case.identity'), label('identityState', view.identity)),
      ...(view.pendingClosure ? fact(t('case.closureRequested'), t('case.closureWhen', { reason: label('closure', view.pendingClosure.reason), time: formatInstant(view.pendingClosure.requestedAt, view.missionCode) })) : []),
      ...(view.closed ? fact(t('case.closedAt'), t('case.closureWhen', { reason: label('closure', view.closed.reason), time: formatInstant(view.closed.at, view.missionCode) })) : [])),
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
    h('ol', { class: 'timeline', 'data-testid': 'timeline', reversed: true }, ...[...reading.timeline].reverse().map((entry) =>
      h('li', { 'data-type': entry.type },
        h('time', { datetime: entry.at }, formatInstant(entry.at, mission)), ' — ', sentence(entry, mission),
        entry.by ? h('span', { class: 'by' }, ` (${t('event.by', { by: entry.by })})`) : null))));
}
