// Charts drawn by hand in SVG: a clock as a bar, and a small line chart of a series over weeks. Every chart has a
// text equivalent (role="img" with a label, or a table beside it) for screen readers.
import { svg } from './dom.js';

export interface ClockReading {
  readonly openedAt: string;
  readonly dueAt: string;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number;
  readonly status: string;
}

export interface Stretch {
  readonly from: number;
  readonly to: number;
}

const WIDTH = 600;
const HEIGHT = 22;

/**
 * Scale: from the opening to the later of the deadline and the end (now, or when it ended). Elapsed in blue up to
 * the deadline, overdue in red past it, paused stretches hatched, what remains in grey, a line at the deadline.
 */
export function clockBar(clock: ClockReading, paused: readonly Stretch[], description: string): SVGElement {
  const opened = Date.parse(clock.openedAt);
  const due = Date.parse(clock.dueAt);
  const end = opened + clock.elapsedMs + clock.pausedMs;
  // A first contact counts from the report (a backdated walk-in can be due before it was recorded): start the
  // scale at the earlier of the two, so such a clock shows as overdue from its deadline on.
  const start = Math.min(opened, due);
  const span = Math.max(due, end) - start || 1;
  const x = (t: number): number => (Math.min(Math.max(t, start), start + span) - start) / span * WIDTH;
  const ended = clock.status === 'done' || clock.status === 'cancelled' || clock.status === 'care_recorded' || clock.status.startsWith('closed');
  // Time left on a clock that has ended is not "remaining": drawn lighter.
  const parts: SVGElement[] = [svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: ended ? 'bar-unused' : 'bar-remaining' })];
  parts.push(svg('rect', { x: 0, y: 0, width: x(Math.min(end, due)), height: HEIGHT, class: 'bar-elapsed' }));
  if (end > due) parts.push(svg('rect', { x: x(due), y: 0, width: x(end) - x(due), height: HEIGHT, class: 'bar-overdue' }));
  for (const stretch of paused) {
    const from = x(stretch.from);
    const to = x(Math.min(stretch.to, end));
    if (to > from) parts.push(svg('rect', { x: from, y: 0, width: to - from, height: HEIGHT, class: 'bar-paused' }));
  }
  parts.push(svg('line', { x1: x(due), x2: x(due), y1: -3, y2: HEIGHT + 3, class: 'bar-deadline' }));
  return svg('svg', { viewBox: `0 -4 ${WIDTH} ${HEIGHT + 8}`, class: 'clock-bar', role: 'img', 'aria-label': description, preserveAspectRatio: 'none' },
    svg('defs', {}, svg('pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 6, height: 6, class: 'hatch-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }))),
    ...parts);
}

export interface Point {
  readonly label: string;
  readonly value: number | null;
}

/** A line chart of `points` (null = no data that week), values from 0 to `max` (a share when `percent`). */
export function lineChart(points: readonly Point[], max: number, description: string, percent = false): SVGElement {
  const width = 320;
  const height = 120;
  const pad = 24;
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const y = (v: number): number => height - pad - (Math.min(v, max) / (max || 1)) * (height - 2 * pad);
  const known = points.map((p, i) => ({ ...p, x: pad + i * step })).filter((p): p is typeof p & { value: number } => p.value !== null);
  const path = known.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'line-chart', role: 'img', 'aria-label': description },
    svg('line', { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, class: 'axis' }),
    svg('line', { x1: pad, x2: pad, y1: pad, y2: height - pad, class: 'axis' }),
    svg('text', { x: 2, y: pad + 4, class: 'tick' }, percent ? `${Math.round(max * 100)}%` : String(Math.round(max))),
    svg('text', { x: 2, y: height - pad + 4, class: 'tick' }, '0'),
    path ? svg('path', { d: path, class: 'series' }) : null,
    ...known.map((p) => svg('circle', { cx: p.x, cy: y(p.value), r: 3, class: 'dot' })),
    // Every other period named, counted back from the last (the period now running is always named).
    ...points.map((p, i) => ((points.length - 1 - i) % 2 === 0 || points.length <= 6 ? svg('text', { x: pad + i * step, y: height - 6, class: 'tick', 'text-anchor': 'middle' }, p.label) : null)),
  );
}
