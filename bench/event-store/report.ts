// Medians and the results table.

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Row {
  readonly workload: string;
  readonly unit: string;
  /** Median throughput per contender, in `unit` per second. */
  readonly ours: number;
  readonly emmett: number;
  readonly bare?: number;
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const ratio = (a: number, b: number | undefined): string => (b ? `${(a / b).toFixed(2)}×` : '—');

export function renderTable(rows: readonly Row[]): string {
  const lines = [
    '| workload | unit/s | ours | bare INSERT | emmett | ours ÷ bare | ours ÷ emmett |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map((row) =>
      `| ${row.workload} | ${row.unit} | ${fmt(row.ours)} | ${row.bare === undefined ? '—' : fmt(row.bare)} | ${fmt(row.emmett)} | ${ratio(row.ours, row.bare)} | ${ratio(row.ours, row.emmett)} |`,
    ),
  ];
  return lines.join('\n');
}
