// Percentiles and the results tables (medians come from the event-store bench's report).
import type { MemoryFigures } from './memory';

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export interface Row {
  readonly measure: string;
  readonly ours: number;
  readonly bare: number;
  /** The target for ours ÷ bare, e.g. `≥ 0.70×`; with `met` when there is one. */
  readonly target?: string;
  readonly met?: boolean;
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const MiB = 1024 * 1024;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`;

export function renderTable(rows: readonly Row[]): string {
  return [
    '| measure | ours | bare | ours ÷ bare | target | met |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map((row) =>
      `| ${row.measure} | ${fmt(row.ours)} | ${fmt(row.bare)} | ${(row.ours / row.bare).toFixed(2)}× | ${row.target ?? '—'} | ${row.met === undefined ? '—' : row.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}

export function renderMemory(m: MemoryFigures): string {
  const delta = m.rssAfterGc - m.rssBefore;
  return [
    `| process RSS, ${m.opened.toLocaleString('en-US')} of ${m.target.toLocaleString('en-US')} cases opened in ${m.seconds.toFixed(0)} s | MiB |`,
    '|---|---:|',
    `| before opening | ${mib(m.rssBefore)} |`,
    `| after opening | ${mib(m.rssAfter)} |`,
    `| after a main-thread GC | ${mib(m.rssAfterGc)} |`,
    `| growth (after GC − before) | ${mib(delta)} |`,
    `| workflows in the worker's cache / maxCachedWorkflows (default) | ${m.cached.toLocaleString('en-US')} / ${m.maxCached.toLocaleString('en-US')} |`,
    `| growth per cached workflow | ${((delta / Math.max(1, m.cached)) / 1024).toFixed(0)} KiB |`,
  ].join('\n');
}
