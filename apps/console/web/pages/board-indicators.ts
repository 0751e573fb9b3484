// The protocol indicators of the board, week by week: eight weeks that start on Monday 00:00 on the mission's
// calendar, the last one the week now running. One GET /v1/indicators per week (the API computes over the cases
// opened in [from, to)); fixed week bounds keep each address the same from one poll to the next, so an unchanged
// week comes back 304 on its ETag. The running week is asked on every poll of the board, the earlier ones (whose
// population is fixed, only their overdue shares can still move) every FULL_EVERY polls.
import { get, type Result } from '../api.js';
import { lineChart, type Point } from '../charts.js';
import { h, show } from '../dom.js';
import { t } from '../i18n.js';
import { fingerprint } from '../live.js';
import { formatDay, startOfWeek, timeZoneOf } from '../time.js';

interface Indicators {
  casesOpened: number;
  medicalCareWithin72h: { share: number | null };
  firstContactByRisk: Array<{ risk: string; medianMs: number | null }>;
  overdueByStep: Array<{ clocks: number; overdue: number }>;
}
interface Week { from: number; to: number }

const WEEKS = 8;
const FULL_EVERY = 15;
const DAY = 24 * 3_600_000;

/** The eight weeks ending with the one holding `now`, oldest first. */
export function weeksUpTo(now: number, timeZone: string): Week[] {
  const starts = [startOfWeek(now, timeZone)];
  while (starts.length < WEEKS) starts.unshift(startOfWeek(starts[0]! - 1, timeZone));
  // Half a day past a week's last day is inside the next week whatever daylight saving does.
  const end = startOfWeek(starts[WEEKS - 1]! + 7 * DAY + DAY / 2, timeZone);
  return starts.map((from, i) => ({ from, to: starts[i + 1] ?? end }));
}

/** Returns the refresh to call on every poll of the board. */
export function indicatorCharts(target: HTMLElement, mission: string | undefined): () => Promise<void> {
  const results = new Map<number, Result<Indicators>>();
  let polls = 0;
  let drawn = '';
  return async () => {
    const weeks = weeksUpTo(Date.now(), timeZoneOf(mission));
    const due = weeks.filter((w, i) => polls % FULL_EVERY === 0 || i === WEEKS - 1 || !results.has(w.from));
    polls += 1;
    const answers = await Promise.all(due.map((w) =>
      get<Indicators>(`/v1/indicators?${mission ? `mission=${encodeURIComponent(mission)}&` : ''}from=${new Date(w.from).toISOString()}&to=${new Date(w.to).toISOString()}`)));
    due.forEach((w, i) => results.set(w.from, answers[i]!));
    for (const from of results.keys()) if (!weeks.some((w) => w.from === from)) results.delete(from);
    const shown = weeks.map((w) => results.get(w.from));
    const print = fingerprint([weeks.map((w) => w.from), shown.map((r) => (r?.ok ? r.body : null))]);
    if (print === drawn) return;
    drawn = print;
    draw(target, weeks, shown, mission);
  };
}

function draw(target: HTMLElement, weeks: readonly Week[], results: ReadonlyArray<Result<Indicators> | undefined>, mission: string | undefined): void {
  const series = (pick: (x: Indicators) => number | null): Point[] =>
    results.map((r, i) => ({ label: formatDay(weeks[i]!.from, mission), value: r?.ok ? pick(r.body) : null }));
  const opened = series((x) => x.casesOpened);
  const overdue = series((x) => {
    const clocks = x.overdueByStep.reduce((a, s) => a + s.clocks, 0);
    return clocks === 0 ? null : x.overdueByStep.reduce((a, s) => a + s.overdue, 0) / clocks;
  });
  const firstContact = series((x) => {
    const ms = x.firstContactByRisk.find((r) => r.risk === 'critical')?.medianMs;
    return ms === null || ms === undefined ? null : ms / 3_600_000;
  });
  const medical = series((x) => x.medicalCareWithin72h.share);
  const chart = (name: string, title: string, points: Point[], max: number, percent = false): HTMLElement => {
    const describe = points.map((p) => `${p.label}: ${p.value === null ? '—' : percent ? `${Math.round(p.value * 100)}%` : p.value.toFixed(1)}`).join(', ');
    return h('figure', { 'data-indicator': name, 'data-values': JSON.stringify(points.map((p) => p.value)) },
      lineChart(points, max, `${title}. ${describe}`, percent), h('figcaption', {}, title));
  };
  const peak = (points: Point[]): number => Math.max(1, ...points.map((p) => p.value ?? 0));
  show(target,
    chart('casesOpened', t('board.indicatorCasesOpened'), opened, peak(opened)),
    chart('overdue', t('board.indicatorOverdue'), overdue, 1, true),
    chart('firstContact', t('board.indicatorFirstContact'), firstContact, peak(firstContact)),
    chart('medical', t('board.indicatorMedical'), medical, 1, true));
}
