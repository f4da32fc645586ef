import { formatPercent } from '../format/formatFigures.ts';
import { formatCount, formatRate } from '../format/formatFigures.ts';
import { markup, type SafeHtml } from './markup.ts';
import { niceCeiling } from './chartScale.ts';

// Small charts as inline SVG (no script, no external resource). Colours come from the page's CSS
// classes (`bar`, `whisker`, `grid`, `line`, `dot`, `tick`), so they follow light/dark and print.

const WIDTH = 640;

/** One category of the bar chart: stored mean and interval, plus counts for the tooltip. */
export interface CategoryBar {
  name: string;
  mean: number;
  low: number;
  high: number;
  passed: number;
  n: number;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function px(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * Horizontal bars of per-category mean scores with their intervals as whiskers. Names and
 * figures are text nodes (escaped); a long name is shortened in the chart and given whole in its
 * `<title>`. Pure; never throws.
 */
export function renderCategoryBarsSvg(bars: readonly CategoryBar[]): SafeHtml {
  const labelWidth = 190;
  const plotWidth = 360;
  const row = 22;
  const top = 20;
  const height = top + bars.length * row + 8;
  const x = (fraction: number) => labelWidth + clamp01(fraction) * plotWidth;
  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (f) =>
      markup`<line class="grid" x1="${px(x(f))}" x2="${px(x(f))}" y1="${top - 4}" y2="${height - 6}"/><text class="tick" x="${px(x(f))}" y="12" text-anchor="middle">${Math.round(f * 100)}</text>`,
  );
  const rows = bars.map((bar, index) => {
    const y = top + index * row;
    const mid = y + row / 2;
    return markup`<g><title>${bar.name}: ${formatPercent(bar.mean)} (${bar.passed}/${bar.n} passed)</title><text x="${labelWidth - 8}" y="${px(mid + 4)}" text-anchor="end">${clip(bar.name, 28)}</text><rect class="bar" x="${labelWidth}" y="${y + 4}" width="${px(x(bar.mean) - labelWidth)}" height="${row - 8}"/><line class="whisker" x1="${px(x(bar.low))}" x2="${px(x(bar.high))}" y1="${mid}" y2="${mid}"/><text x="${labelWidth + plotWidth + 8}" y="${px(mid + 4)}">${formatPercent(bar.mean)}</text></g>`;
  });
  return markup`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Mean score per category, with 95 % intervals">${grid}${rows}</svg>`;
}

/**
 * A histogram of case scores in ten bins of 10 points (the last one includes 100 %): how the
 * cases spread between failing and passing. Pure; never throws.
 */
export function renderScoreHistogramSvg(scores: readonly number[]): SafeHtml {
  const bins = new Array<number>(10).fill(0);
  for (const score of scores) bins[Math.min(9, Math.floor(clamp01(score) * 10))]! += 1;
  const max = bins.reduce((a, b) => Math.max(a, b), 1);
  const left = 40;
  const plotWidth = WIDTH - left - 20;
  const top = 10;
  const plotHeight = 110;
  const binWidth = plotWidth / 10;
  const rects = bins.map((count, index) => {
    const h = (count / max) * plotHeight;
    const label = `${index * 10}–${index * 10 + 10} %: ${formatCount(count)} ${count === 1 ? 'case' : 'cases'}`;
    return markup`<rect class="bar" x="${px(left + index * binWidth + 2)}" y="${px(top + plotHeight - h)}" width="${px(binWidth - 4)}" height="${px(h)}"><title>${label}</title></rect>`;
  });
  const ticks = [0, 50, 100].map(
    (t) =>
      markup`<text class="tick" x="${px(left + (t / 100) * plotWidth)}" y="${top + plotHeight + 16}" text-anchor="middle">${t} %</text>`,
  );
  return markup`<svg class="chart" viewBox="0 0 ${WIDTH} 145" width="${WIDTH}" height="145" role="img" aria-label="Distribution of case scores, in bins of 10 points"><line class="grid" x1="${left}" x2="${left + plotWidth}" y1="${top + plotHeight}" y2="${top + plotHeight}"/><text class="tick" x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text><text class="tick" x="${left - 6}" y="${top + plotHeight}" text-anchor="end">0</text>${rects}${ticks}</svg>`;
}

/**
 * Decode tokens/s of each case in run order (gaps where a case has no figure): a line that sinks
 * over the run shows thermal throttling. Returns null when no case has a figure. Pure; never throws.
 */
export function renderDecodeSpeedSvg(speeds: readonly (number | null)[]): SafeHtml | null {
  const usable = (s: number | null): s is number => s !== null && Number.isFinite(s) && s >= 0;
  const top = niceCeiling(speeds.reduce<number>((a, s) => (usable(s) ? Math.max(a, s) : a), 0));
  if (!speeds.some(usable)) return null;
  const left = 50;
  const plotWidth = WIDTH - left - 10;
  const y0 = 10;
  const plotHeight = 110;
  const step = speeds.length > 1 ? plotWidth / (speeds.length - 1) : 0;
  const point = (speed: number, index: number) => ({
    x: px(left + index * step),
    y: px(y0 + plotHeight - (speed / top) * plotHeight),
  });
  const commands: string[] = [];
  const dots: SafeHtml[] = [];
  let penDown = false;
  speeds.forEach((speed, index) => {
    if (!usable(speed)) {
      penDown = false;
      return;
    }
    const p = point(speed, index);
    commands.push(`${penDown ? 'L' : 'M'}${p.x} ${p.y}`);
    if (speeds.length <= 60) dots.push(markup`<circle class="dot" cx="${p.x}" cy="${p.y}" r="2.5"/>`);
    penDown = true;
  });
  return markup`<svg class="chart" viewBox="0 0 ${WIDTH} 145" width="${WIDTH}" height="145" role="img" aria-label="Decode tokens per second of each case, in run order"><line class="grid" x1="${left}" x2="${left + plotWidth}" y1="${y0}" y2="${y0}"/><line class="grid" x1="${left}" x2="${left + plotWidth}" y1="${y0 + plotHeight}" y2="${y0 + plotHeight}"/><text class="tick" x="${left - 6}" y="${y0 + 4}" text-anchor="end">${formatRate(top)}</text><text class="tick" x="${left - 6}" y="${y0 + plotHeight + 4}" text-anchor="end">0</text><text class="tick" x="${left - 6}" y="${y0 + plotHeight / 2 + 4}" text-anchor="end">tok/s</text><path class="line" d="${commands.join('')}"/>${dots}<text class="tick" x="${left}" y="${y0 + plotHeight + 16}">case 1</text><text class="tick" x="${left + plotWidth}" y="${y0 + plotHeight + 16}" text-anchor="end">case ${speeds.length}</text></svg>`;
}
