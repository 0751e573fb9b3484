// A two-panel line chart as SVG, drawn by hand (no plotting dependency): resident memory per app above,
// latency percentiles below, one point a minute, so growth over the run shows at a glance.
export interface Series {
  readonly name: string;
  readonly colour: string;
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly dashed?: boolean;
}

export interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
}

const WIDTH = 960;
const PANEL_HEIGHT = 300;
const MARGIN = { left: 70, right: 180, top: 36, bottom: 40 };

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round step for an axis spanning `max`: 1, 2 or 5 times a power of ten, about five ticks. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

function panel(p: Panel, top: number, xMax: number): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const yMaxRaw = Math.max(1, ...p.series.flatMap((s) => s.points.map(([, y]) => y)));
  const step = tickStep(yMaxRaw * 1.1);
  const yMax = Math.ceil((yMaxRaw * 1.1) / step) * step;
  const x = (v: number): number => MARGIN.left + (xMax === 0 ? 0 : (v / xMax) * plotW);
  const y = (v: number): number => top + MARGIN.top + plotH - (v / yMax) * plotH;
  const parts: string[] = [];
  parts.push(`<text x="${MARGIN.left}" y="${top + 22}" font-size="16" font-weight="bold">${escape(p.title)}</text>`);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end">${Number(v.toFixed(2))}</text>`);
  }
  const xStep = tickStep(xMax || 1);
  for (let v = 0; v <= xMax + 1e-9; v += xStep) {
    parts.push(`<text x="${x(v)}" y="${top + MARGIN.top + plotH + 16}" font-size="11" text-anchor="middle">${Number(v.toFixed(1))}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${top + PANEL_HEIGHT - 6}" font-size="12" text-anchor="middle">minute of the run</text>`);
  parts.push(`<text x="16" y="${top + MARGIN.top + plotH / 2}" font-size="12" transform="rotate(-90 16 ${top + MARGIN.top + plotH / 2})" text-anchor="middle">${escape(p.unit)}</text>`);
  parts.push(`<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`);
  p.series.forEach((s, i) => {
    if (s.points.length > 0) {
      const d = s.points.map(([px, py], j) => `${j === 0 ? 'M' : 'L'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
      parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    const ly = top + MARGIN.top + 14 + i * 18;
    parts.push(`<line x1="${MARGIN.left + plotW + 12}" x2="${MARGIN.left + plotW + 36}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    parts.push(`<text x="${MARGIN.left + plotW + 42}" y="${ly}" font-size="12">${escape(s.name)}</text>`);
  });
  return parts.join('\n');
}

export function renderSvg(title: string, panels: readonly Panel[]): string {
  const xMax = Math.max(1, ...panels.flatMap((p) => p.series.flatMap((s) => s.points.map(([px]) => px))));
  const height = 40 + panels.length * PANEL_HEIGHT;
  const body = panels.map((p, i) => panel(p, 40 + i * PANEL_HEIGHT, xMax)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="26" font-size="18" text-anchor="middle">${escape(title)}</text>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}
