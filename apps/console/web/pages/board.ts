// The supervisor board: stuck cases, escalations waiting (acknowledged from here), the mission's open cases by
// stage × risk, workload per caseworker and the protocol indicators week by week (board-indicators.ts). All of it
// kept current by the same polling, with conditional requests.
import { get, post, type Problem } from '../api.js';
import { h, show } from '../dom.js';
import { showProblem, statusLine } from '../forms.js';
import { label, t } from '../i18n.js';
import type { Session } from '../identity.js';
import { fingerprint, keepFresh } from '../live.js';
import { formatDuration, formatInstant } from '../time.js';
import { indicatorCharts } from './board-indicators.js';
import { RISK_LEVELS, STAGES } from '../../../../libs/domain/src/shared/vocabulary.js';

interface Page<T> { readonly items: readonly T[]; readonly nextCursor: string | null }
interface StuckCase { caseId: string; risk: string; stage: string; escalationLevel: number; stuckSince: string; reasons: Array<{ code: string; item?: string; level?: number }> }
interface Escalation { caseId: string; item: string; level: number; risk: string; escalatedAt: string; mission: string }
interface Row { caseId: string; stage: string; risk: string }
interface Workload { items: Array<{ assignee: string; open: number; overdue: number; escalated: number }>; unassigned: number }
export function boardPage(root: HTMLElement, session: Session): () => void {
  const mission = session.missions[0];
  const query = mission ? `mission=${encodeURIComponent(mission)}&` : '';
  const stuck = h('div');
  const escalations = h('div');
  const grid = h('div');
  const workload = h('div');
  const indicators = h('div', { class: 'charts', 'data-testid': 'indicators' });
  const refreshIndicators = indicatorCharts(indicators, mission);
  root.replaceChildren(
    h('h1', {}, t('board.title'), mission ? ` — ${mission}` : ''),
    h('section', { 'aria-labelledby': 'stuck-title', class: 'card' }, h('h2', { id: 'stuck-title' }, t('board.stuck')), stuck),
    h('section', { 'aria-labelledby': 'esc-title', class: 'card' }, h('h2', { id: 'esc-title' }, t('board.escalations')), escalations),
    h('div', { class: 'two' },
      h('section', { 'aria-labelledby': 'grid-title', class: 'card' }, h('h2', { id: 'grid-title' }, t('board.missionView')), grid),
      h('section', { 'aria-labelledby': 'load-title', class: 'card' }, h('h2', { id: 'load-title' }, t('board.workload')), workload)),
    h('section', { 'aria-labelledby': 'ind-title', class: 'card' }, h('h2', { id: 'ind-title' }, t('board.indicators')), h('p', { class: 'legend' }, t('board.indicatorsHint')), indicators),
  );
  const drawn = new Map<string, string>();
  const redraw = (key: string, data: unknown, draw: () => void): void => {
    const print = fingerprint(data);
    if (drawn.get(key) === print) return;
    drawn.set(key, print);
    draw();
  };

  const refresh = async (): Promise<void> => {
    const [s, e, c, w] = await Promise.all([
      get<Page<StuckCase>>(`/v1/stuck-cases?${query}limit=50`),
      get<Page<Escalation>>(`/v1/escalations?${query}limit=50`),
      get<Page<Row>>(`/v1/cases?${query}status=open&limit=200`),
      get<Workload>(`/v1/workload?${query}limit=50`),
      refreshIndicators(),
    ]);
    if (s.ok) redraw('stuck', s.body, () => show(stuck, stuckTable(s.body.items, mission)));
    if (e.ok) redraw('esc', e.body, () => show(escalations, escalationTable(e.body.items, mission, () => void refresh())));
    if (c.ok) redraw('grid', c.body, () => show(grid, stageRiskTable(c.body.items)));
    if (w.ok) redraw('load', w.body, () => show(workload, workloadTable(w.body)));
    for (const cell of root.querySelectorAll<HTMLElement>('[data-since]')) cell.textContent = formatDuration(Date.now() - Date.parse(cell.dataset.since!));
  };
  return keepFresh(refresh);
}

function caseLink(caseId: string): HTMLElement {
  return h('a', { href: `#/case/${encodeURIComponent(caseId)}` }, caseId);
}

function riskChip(risk: string): HTMLElement {
  return h('span', { class: `chip risk-${risk}` }, label('risk', risk));
}

function stuckTable(items: readonly StuckCase[], mission: string | undefined): HTMLElement {
  if (items.length === 0) return h('p', {}, t('board.stuckNone'));
  return h('table', { 'data-testid': 'stuck-cases' },
    h('thead', {}, h('tr', {}, ...(['col.case', 'col.risk', 'col.stage', 'col.reasons', 'col.stuckFor', 'col.level'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...items.map((item) => h('tr', { 'data-case': item.caseId },
      h('td', {}, caseLink(item.caseId)),
      h('td', {}, riskChip(item.risk)),
      h('td', {}, label('stage', item.stage)),
      h('td', {}, item.reasons.map((r) => t(`stuck.${r.code}` as 'stuck.inactivity', { item: r.item ? label('item', r.item) : '', level: r.level ?? '' })).join('; ')),
      h('td', { 'data-since': item.stuckSince, title: formatInstant(item.stuckSince, mission) }, formatDuration(Date.now() - Date.parse(item.stuckSince))),
      h('td', {}, String(item.escalationLevel))))));
}

function escalationTable(items: readonly Escalation[], mission: string | undefined, changed: () => void): HTMLElement {
  if (items.length === 0) return h('p', {}, t('board.escalationsNone'));
  return h('table', { 'data-testid': 'escalations' },
    h('thead', {}, h('tr', {}, ...(['col.case', 'col.item', 'col.level', 'col.risk', 'col.waiting', 'col.action'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...items.map((item) => {
      const status = statusLine();
      const button = h('button', { type: 'button', 'aria-label': t('board.acknowledgeItem', { item: label('item', item.item), case: item.caseId }) }, t('board.acknowledge'));
      button.addEventListener('click', () => {
        button.disabled = true;
        void post(`/v1/cases/${encodeURIComponent(item.caseId)}/escalations/acknowledged`, { item: item.item }).then((result) => {
          button.disabled = false;
          if (!result.ok) showProblem(status, result.problem as Problem);
          else changed();
        });
      });
      return h('tr', { 'data-case': item.caseId },
        h('td', {}, caseLink(item.caseId)),
        h('td', {}, label('item', item.item)),
        h('td', {}, String(item.level)),
        h('td', {}, riskChip(item.risk)),
        h('td', { 'data-since': item.escalatedAt, title: formatInstant(item.escalatedAt, mission) }, formatDuration(Date.now() - Date.parse(item.escalatedAt))),
        h('td', {}, button, status));
    })));
}

function stageRiskTable(rows: readonly Row[]): HTMLElement {
  const count = (stage: string, risk: string): number => rows.filter((r) => r.stage === stage && r.risk === risk).length;
  return h('table', { 'data-testid': 'stage-risk' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('col.stage')), ...RISK_LEVELS.map((r) => h('th', { scope: 'col' }, label('risk', r))), h('th', { scope: 'col' }, t('col.total')))),
    h('tbody', {}, ...STAGES.map((stage) => h('tr', {},
      h('th', { scope: 'row' }, label('stage', stage)),
      ...RISK_LEVELS.map((risk) => {
        const n = count(stage, risk);
        return h('td', { class: n > 0 ? `heat risk-${risk}` : 'heat' }, String(n));
      }),
      h('td', {}, String(rows.filter((r) => r.stage === stage).length))))));
}

function workloadTable(load: Workload): HTMLElement {
  return h('div', {},
    h('table', { 'data-testid': 'workload' },
      h('thead', {}, h('tr', {}, ...(['col.assignee', 'col.open', 'col.overdue', 'col.escalated'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, ...load.items.map((w) => h('tr', {}, h('td', {}, w.assignee), h('td', {}, String(w.open)), h('td', {}, String(w.overdue)), h('td', {}, String(w.escalated)))))),
    h('p', {}, t('board.unassigned', { count: load.unassigned })));
}
