// The supervisor board, most urgent first: new and unassigned cases as rows with assignment from the row (a
// picker of the mission's caseworkers), escalations waiting (acknowledged from here, and assignable when nobody
// holds the case), closures waiting for approval, stuck cases, the open cases by stage × risk (each cell a link to
// that list), workload and the weekly indicators. HQ sees every mission, or one chosen by name. Kept current by
// polling with conditional requests; each part tells loading, empty and failed apart.
import { get, newIdempotencyKey, post, type Result } from '../api.js';
import { caseLink, riskChip } from '../cells.js';
import { caseColumn, dueColumn, missionColumn, riskColumn, stageColumn } from '../case-columns.js';
import { h } from '../dom.js';
import { formValue, showMessage, showProblem, statusLine } from '../forms.js';
import { label, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { fingerprint, keepFresh } from '../live.js';
import { MISSION_CODES, missionName } from '../missions.js';
import { staffPicker } from '../staff.js';
import { showData, showEmpty, showFailed, showLoading } from '../states.js';
import { riskRank, sortableTable } from '../table.js';
import { formatDuration, formatInstant } from '../time.js';
import { indicatorCharts } from './board-indicators.js';
import { RISK_LEVELS, STAGES } from '../../../../libs/domain/src/shared/vocabulary.js';

interface Page<T> { readonly items: readonly T[]; readonly nextCursor: string | null }
interface StuckCase { caseId: string; mission: string; risk: string; stage: string; escalationLevel: number; stuckSince: string; reasons: Array<{ code: string; item?: string; level?: number }> }
interface Escalation { caseId: string; item: string; level: number; risk: string; escalatedAt: string; mission: string; assignee: string | null }
interface CaseRow { caseId: string; mission: string; stage: string; risk: string; assignee: string | null; nextDueAt: string | null; overdue: boolean; escalationLevel: number }
interface PendingClosure { caseId: string; mission: string; risk: string; assignee: string | null; reason: string; requestedBy: string; requestedAt: string; overdue: boolean }
interface Workload { items: Array<{ assignee: string; open: number; overdue: number; escalated: number }>; unassigned: number }

/** The missions a board may show: HQ every one (or all at once), a supervisor theirs. */
function missionChoices(session: Session): { choices: readonly string[]; all: boolean } {
  return session.role === 'hq_officer' ? { choices: MISSION_CODES, all: true } : { choices: session.missions, all: false };
}

export function boardPage(root: HTMLElement, session: Session, params: URLSearchParams): () => void {
  const { choices, all } = missionChoices(session);
  const asked = params.get('mission') ?? '';
  const mission: string | undefined = choices.includes(asked) ? asked : all ? undefined : choices[0];
  const query = mission ? `mission=${encodeURIComponent(mission)}&` : '';
  const part = (id: string, title: string, testId: string) => {
    const body = h('div', { 'data-testid': testId });
    showLoading(body);
    return { body, section: h('section', { 'aria-labelledby': id, class: 'card' }, h('h2', { id }, title), body) };
  };
  const unassigned = part('new-title', t('board.unassignedTitle'), 'unassigned-part');
  const escalations = part('esc-title', t('board.escalations'), 'escalations-part');
  const closures = part('closures-title', t('board.closures'), 'closures-part');
  const stuck = part('stuck-title', t('board.stuck'), 'stuck-part');
  const grid = part('grid-title', t('board.missionView'), 'grid-part');
  const workload = part('load-title', t('board.workload'), 'workload-part');
  const indicators = h('div', { class: 'charts', 'data-testid': 'indicators' });
  const refreshIndicators = indicatorCharts(indicators, mission);
  root.replaceChildren(
    h('h1', {}, t('board.title'), ' — ', mission ? missionName(mission) : t('board.allMissions')),
    ...(choices.length > 1 ? [missionFilter(choices, all, mission)] : []),
    unassigned.section, escalations.section, closures.section, stuck.section,
    h('div', { class: 'two' }, grid.section, workload.section),
    h('section', { 'aria-labelledby': 'ind-title', class: 'card' }, h('h2', { id: 'ind-title' }, t('board.indicators')), h('p', { class: 'legend' }, t('board.indicatorsHint')), indicators),
  );
  const drawn = new Map<string, string>();
  /** Draws a part from its answer, only when it changed (so a picker being used is not redrawn under the hand). */
  const put = <T>(key: string, target: HTMLElement, result: Result<T>, draw: (body: T) => Node | undefined, empty: string): void => {
    const print = result.ok ? fingerprint(result.body) : `failed:${result.problem.code}`;
    if (drawn.get(key) === print) return;
    drawn.set(key, print);
    if (!result.ok) return showFailed(target, result.problem);
    const content = draw(result.body);
    if (content) showData(target, content);
    else showEmpty(target, empty);
  };
  const refresh = async (): Promise<void> => {
    const [n, e, p, s, c, w] = await Promise.all([
      get<Page<CaseRow>>(`/v1/cases?${query}status=open&assigned=false&limit=50`),
      get<Page<Escalation>>(`/v1/escalations?${query}limit=50`),
      get<Page<PendingClosure>>(`/v1/closures/pending?${query}limit=50`),
      get<Page<StuckCase>>(`/v1/stuck-cases?${query}limit=50`),
      get<Page<CaseRow>>(`/v1/cases?${query}status=open&limit=200`),
      get<Workload>(`/v1/workload?${query}limit=50`),
      refreshIndicators(),
    ]);
    const changed = (): void => void refresh();
    put('new', unassigned.body, n, (b) => (b.items.length ? unassignedTable(b.items, all, changed) : undefined), t('board.unassignedNone'));
    put('esc', escalations.body, e, (b) => (b.items.length ? escalationTable(b.items, all, changed) : undefined), t('board.escalationsNone'));
    put('closures', closures.body, p, (b) => (b.items.length ? closuresTable(b.items, all) : undefined), t('board.closuresNone'));
    put('stuck', stuck.body, s, (b) => (b.items.length ? stuckTable(b.items, all) : undefined), t('board.stuckNone'));
    put('grid', grid.body, c, (b) => stageRiskTable(b.items, mission), '');
    put('load', workload.body, w, (b) => workloadTable(b), '');
    for (const cell of root.querySelectorAll<HTMLElement>('[data-since]')) cell.textContent = formatDuration(Date.now() - Date.parse(cell.dataset.since!));
  };
  return keepFresh(refresh);
}

function missionFilter(choices: readonly string[], all: boolean, current: string | undefined): HTMLElement {
  const control = h('select', { id: 'board-mission', name: 'mission' },
    ...(all ? [h('option', { value: '', selected: current === undefined }, t('board.allMissions'))] : []),
    ...choices.map((code) => h('option', { value: code, selected: code === current }, missionName(code))));
  control.addEventListener('change', () => {
    location.hash = control.value ? `#/board?mission=${encodeURIComponent(control.value)}` : '#/board';
  });
  return h('div', { class: 'field inline' }, h('label', { for: 'board-mission' }, t('board.mission')), control);
}


/** Assignment from a row: a picker of the case's mission's caseworkers and a button; one key per drawn row. */
function assignFromRow(caseId: string, mission: string, changed: () => void): HTMLElement {
  const status = statusLine();
  const key = newIdempotencyKey();
  const button = h('button', { type: 'submit' }, t('verb.assign'));
  const form = h('form', { class: 'row-action', 'data-assign': caseId, 'aria-label': t('board.assignCase', { case: caseId }) },
    staffPicker('caseworkerId', t('action.assignee'), mission, 'caseworker'), button, status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    void post(`/v1/cases/${encodeURIComponent(caseId)}/assignment`, { caseworkerId: formValue(form, 'caseworkerId') }, key).then((result) => {
      button.disabled = false;
      if (!result.ok) return showProblem(status, result.problem);
      showMessage(status, 'board.assigned');
      changed();
    });
  });
  return form;
}

function unassignedTable(items: readonly CaseRow[], all: boolean, changed: () => void): HTMLElement {
  // Most urgent first: risk, then the nearest deadline.
  const ordered = [...items].sort((a, b) => riskRank(a.risk) - riskRank(b.risk) || (a.nextDueAt ?? '9').localeCompare(b.nextDueAt ?? '9'));
  return sortableTable(ordered, [
    caseColumn<CaseRow>(),
    ...(all ? [missionColumn<CaseRow>()] : []),
    riskColumn<CaseRow>(), stageColumn<CaseRow>(), dueColumn<CaseRow>(),
    { header: t('col.assign'), cell: (r) => assignFromRow(r.caseId, r.mission, changed) },
  ], { testId: 'unassigned', rowKey: (r) => r.caseId });
}

function escalationTable(items: readonly Escalation[], all: boolean, changed: () => void): HTMLElement {
  const acknowledge = (item: Escalation): HTMLElement => {
    const status = statusLine();
    const key = newIdempotencyKey();
    const button = h('button', { type: 'button', 'aria-label': t('board.acknowledgeItem', { item: label('item', item.item), case: item.caseId }) }, t('board.acknowledge'));
    button.addEventListener('click', () => {
      button.disabled = true;
      void post(`/v1/cases/${encodeURIComponent(item.caseId)}/escalations/acknowledged`, { item: item.item }, key).then((result) => {
        button.disabled = false;
        if (!result.ok) showProblem(status, result.problem);
        else changed();
      });
    });
    return h('div', {}, button, status, item.assignee ? null : assignFromRow(item.caseId, item.mission, changed));
  };
  return sortableTable(items, [
    { header: t('col.case'), cell: (r) => caseLink(r.caseId), sortBy: (r) => r.caseId },
    ...(all ? [missionColumn<Escalation>()] : []),
    { header: t('col.item'), cell: (r) => label('item', r.item) },
    { header: t('col.level'), cell: (r) => String(r.level), sortBy: (r) => r.level },
    { header: t('col.risk'), cell: (r) => riskChip(r.risk), sortBy: (r) => riskRank(r.risk) },
    { header: t('col.assignee'), cell: (r) => r.assignee ?? t('case.unassigned') },
    { header: t('col.waiting'), cell: (r) => h('span', { 'data-since': r.escalatedAt, title: formatInstant(r.escalatedAt, r.mission) }, formatDuration(Date.now() - Date.parse(r.escalatedAt))), sortBy: (r) => r.escalatedAt },
    { header: t('col.action'), cell: acknowledge },
  ], { testId: 'escalations', rowKey: (r) => r.caseId });
}

function closuresTable(items: readonly PendingClosure[], all: boolean): HTMLElement {
  return sortableTable(items, [
    { header: t('col.case'), cell: (r) => caseLink(r.caseId), sortBy: (r) => r.caseId },
    ...(all ? [missionColumn<PendingClosure>()] : []),
    { header: t('col.risk'), cell: (r) => riskChip(r.risk), sortBy: (r) => riskRank(r.risk) },
    { header: t('col.reason'), cell: (r) => label('closure', r.reason) },
    { header: t('col.requestedBy'), cell: (r) => r.requestedBy },
    { header: t('col.waiting'), cell: (r) => h('span', { 'data-since': r.requestedAt, class: r.overdue ? 'overdue' : '', title: formatInstant(r.requestedAt, r.mission) }, formatDuration(Date.now() - Date.parse(r.requestedAt))), sortBy: (r) => r.requestedAt },
  ], { testId: 'pending-closures', rowKey: (r) => r.caseId });
}

function stuckTable(items: readonly StuckCase[], all: boolean): HTMLElement {
  return sortableTable(items, [
    { header: t('col.case'), cell: (r) => caseLink(r.caseId), sortBy: (r) => r.caseId },
    ...(all ? [missionColumn<StuckCase>()] : []),
    { header: t('col.risk'), cell: (r) => riskChip(r.risk), sortBy: (r) => riskRank(r.risk) },
    { header: t('col.stage'), cell: (r) => label('stage', r.stage) },
    { header: t('col.reasons'), cell: (r) => r.reasons.map((x) => t(`stuck.${x.code}` as 'stuck.inactivity', { item: x.item ? label('item', x.item) : '', level: x.level ?? '' })).join('; ') },
    { header: t('col.stuckFor'), cell: (r) => h('span', { 'data-since': r.stuckSince, title: formatInstant(r.stuckSince, r.mission) }, formatDuration(Date.now() - Date.parse(r.stuckSince))), sortBy: (r) => r.stuckSince },
    { header: t('col.level'), cell: (r) => String(r.escalationLevel), sortBy: (r) => r.escalationLevel },
  ], { testId: 'stuck-cases', rowKey: (r) => r.caseId });
}

/** Open cases by stage × risk; every count links to the list of exactly those cases. */
function stageRiskTable(rows: readonly CaseRow[], mission: string | undefined): HTMLElement {
  const count = (stage: string, risk: string): number => rows.filter((r) => r.stage === stage && r.risk === risk).length;
  const link = (n: number, filters: Record<string, string>): HTMLElement => {
    const params = new URLSearchParams({ ...(mission ? { mission } : {}), status: 'open', ...filters });
    return h('a', { href: `#/cases?${params.toString()}`, 'aria-label': t('board.cellLink', { count: n, ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, label(k, v)])) }) }, String(n));
  };
  return h('table', { 'data-testid': 'stage-risk', class: 'grid' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('col.stage')), ...RISK_LEVELS.map((r) => h('th', { scope: 'col' }, label('risk', r))), h('th', { scope: 'col' }, t('col.total')))),
    h('tbody', {}, ...STAGES.map((stage) => h('tr', {},
      h('th', { scope: 'row' }, label('stage', stage)),
      ...RISK_LEVELS.map((risk) => {
        const n = count(stage, risk);
        return h('td', { class: n > 0 ? `heat risk-${risk}` : 'heat' }, n > 0 ? link(n, { stage, risk }) : '0');
      }),
      h('td', {}, String(rows.filter((r) => r.stage === stage).length))))));
}

function workloadTable(load: Workload): HTMLElement {
  return h('div', {},
    sortableTable(load.items, [
      { header: t('col.assignee'), cell: (w) => w.assignee, sortBy: (w) => w.assignee },
      { header: t('col.open'), cell: (w) => String(w.open), sortBy: (w) => w.open },
      { header: t('col.overdue'), cell: (w) => String(w.overdue), sortBy: (w) => w.overdue },
      { header: t('col.escalated'), cell: (w) => String(w.escalated), sortBy: (w) => w.escalated },
    ], { testId: 'workload', rowKey: (w) => w.assignee }),
    h('p', {}, t('board.unassigned', { count: load.unassigned })));
}
