// One table for every list of the console: columns with a header, a cell and (optionally) a sort key; a header
// button sorts by its column (aria-sort says how). At a phone's width each row becomes a stacked card whose
// cells carry their header as a label (style.css, `table.stack`), so no page scrolls sideways.
import { h } from './dom.js';

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => Node | string;
  /** What the column sorts by; a column without it does not sort. */
  readonly sortBy?: (row: T) => string | number;
}

export interface TableOptions<T> {
  readonly testId: string;
  readonly rowKey: (row: T) => string;
  readonly caption?: string;
}

export function sortableTable<T>(rows: readonly T[], columns: readonly Column<T>[], options: TableOptions<T>): HTMLElement {
  let sortColumn = -1;
  let ascending = true;
  const body = h('tbody');
  const headers = columns.map((column, index) => {
    if (!column.sortBy) return h('th', { scope: 'col' }, column.header);
    const button = h('button', { type: 'button', class: 'sort' }, column.header);
    button.addEventListener('click', () => {
      ascending = sortColumn === index ? !ascending : true;
      sortColumn = index;
      draw();
    });
    return h('th', { scope: 'col', 'aria-sort': 'none' }, button);
  });
  const draw = (): void => {
    const sorter = columns[sortColumn]?.sortBy;
    const ordered = sorter ? [...rows].sort((a, b) => compare(sorter(a), sorter(b)) * (ascending ? 1 : -1)) : rows;
    headers.forEach((th, index) => {
      if (columns[index]!.sortBy) th.setAttribute('aria-sort', index === sortColumn ? (ascending ? 'ascending' : 'descending') : 'none');
    });
    body.replaceChildren(...ordered.map((row) => h('tr', { 'data-case': options.rowKey(row) },
      ...columns.map((column) => h('td', { 'data-label': column.header }, column.cell(row))))));
  };
  draw();
  return h('table', { class: 'stack', 'data-testid': options.testId },
    options.caption ? h('caption', { class: 'visually-hidden' }, options.caption) : null,
    h('thead', {}, h('tr', {}, ...headers)), body);
}

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** The urgency order of risk levels, for sorting: critical first. */
export const riskRank = (risk: string): number => ({ critical: 0, high: 1, standard: 2 })[risk] ?? 3;
