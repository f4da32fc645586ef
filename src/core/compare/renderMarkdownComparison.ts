import { formatPercent } from '../format/formatFigures.ts';
import {
  compareReports,
  type ComparedEstimate,
  type ComparedFraction,
  type ComparedRun,
  type ComparedSpeed,
  type ReportComparison,
} from './compareReports.ts';
import { escapeMarkdown } from '../report/escapeMarkdown.ts';
import {
  formatCount,
  formatInterval,
  formatMs,
  formatPoints,
  formatPointsInterval,
  formatPValue,
  formatRelativeChange,
  formatTimestamp,
  formatTps,
  shortHash,
} from '../format/formatFigures.ts';
import type { Report } from '../report/schema.ts';

/** Most case ids listed per flip or drift list; the rest are counted. */
const LISTED_IDS = 50;

const e = escapeMarkdown;

function runName(run: ComparedRun): string {
  return `Run ${run.index + 1}${run.isBaseline ? ' (baseline)' : ''}`;
}

function withDelta(text: string, delta: number | null): string {
  return delta === null ? text : `${text} (${formatPoints(delta)})`;
}

function estimate(figure: ComparedEstimate): string {
  return withDelta(`${formatPercent(figure.value)} [${formatInterval(figure.interval)}]`, figure.delta);
}

function fractionCell(figure: ComparedFraction): string {
  return withDelta(formatPercent(figure.value), figure.delta);
}

function speedCell(figure: ComparedSpeed, format: (v: number | null) => string): string {
  const text = format(figure.value);
  return figure.change === null ? text : `${text} (${formatRelativeChange(figure.change)})`;
}

function idList(ids: readonly string[]): string {
  if (ids.length === 0) return 'none';
  const listed = ids.slice(0, LISTED_IDS).map(e).join(', ');
  return ids.length > LISTED_IDS ? `${listed} and ${ids.length - LISTED_IDS} more` : listed;
}

function row(label: string, cells: readonly string[]): string {
  return `| ${label} | ${cells.join(' | ')} |`;
}

function pairedCell(run: ComparedRun): string {
  const p = run.paired;
  if (p === null) return '–';
  if (!p.comparable) return `not paired: ${e(p.why)}`;
  const d = p.difference;
  return `${formatPoints(d.mean)} [${formatPointsInterval(d.interval)}], McNemar p = ${formatPValue(p.pValue)}, ${p.paired} paired cases`;
}

function flipCell(run: ComparedRun, which: 'passToFail' | 'failToPass'): string {
  const p = run.paired;
  if (p === null) return '–';
  return p.comparable ? String(p[which].length) : '–';
}

function driftCell(run: ComparedRun): string {
  const d = run.drift;
  if (d === null) return '–';
  if (!d.comparable) return `not comparable: ${e(d.why)}`;
  return `${d.cases.length} of ${d.compared} outputs differ`;
}

function details(comparison: ReportComparison): string[] {
  const lines: string[] = [];
  for (const run of comparison.runs) {
    const p = run.paired;
    const d = run.drift;
    const parts: string[] = [];
    if (p !== null && p.comparable) {
      parts.push(`- pass → fail (${p.passToFail.length}): ${idList(p.passToFail)}`);
      parts.push(`- fail → pass (${p.failToPass.length}): ${idList(p.failToPass)}`);
      if (p.onlyInBaseline.length > 0) parts.push(`- only in the baseline: ${idList(p.onlyInBaseline)}`);
      if (p.onlyInRun.length > 0) parts.push(`- only in this run: ${idList(p.onlyInRun)}`);
    }
    if (d !== null && d.comparable && d.cases.length > 0) {
      parts.push(`- output drift (same model, suite and parameters; different output): ${idList(d.cases)}`);
    }
    if (parts.length > 0) lines.push('', `#### ${runName(run)} vs the baseline`, '', ...parts);
  }
  return lines;
}

/**
 * Markdown of a comparison computed by {@link compareReports}: one column per run (model, device,
 * suite), rows for overall and macro with intervals, pass and success rate, each category, median
 * decode and prefill tokens/s, time to first token and load time, each with its difference from
 * the baseline column (`+4.3 pt`, `−12.0 %`); for runs of the baseline's suite the paired mean
 * difference with its interval, McNemar's p-value and the counts of flipped cases, then the
 * flipped cases and output drift listed per run. Every report string is escaped. Pure.
 */
export function renderComparisonMarkdown(comparison: ReportComparison): string {
  const runs = comparison.runs;
  if (runs.length === 0) return 'No runs to compare.\n';
  const lines = [
    `### tabeval comparison: ${runs.length} runs, baseline run ${comparison.baseline + 1}`,
    '',
    `| | ${runs.map(runName).join(' | ')} |`,
    `| --- | ${runs.map(() => '---').join(' | ')} |`,
    row(
      'Model',
      runs.map((r) => e(r.model ?? 'not recorded')),
    ),
    row(
      'Engine',
      runs.map((r) => `${e(r.engine)}, tool calls: ${e(r.toolCallMode)}`),
    ),
    row(
      'Device',
      runs.map((r) => e(r.device)),
    ),
    row(
      'Suite',
      runs.map((r) => `${e(r.suite.id)} ${e(r.suite.version)} (sha256 ${e(shortHash(r.suite.hash))})`),
    ),
    row(
      'Date',
      runs.map((r) => e(formatTimestamp(r.createdAt))),
    ),
    row(
      'Cases',
      runs.map((r) => formatCount(r.n)),
    ),
    row(
      "**Overall** (the suite's headline, 95 % CI)",
      runs.map((r) => `${estimate(r.overall)} ${r.headline === 'punie' ? '(Punie score)' : '(pass rate)'}`),
    ),
    row(
      'Macro (mean over categories)',
      runs.map((r) => fractionCell(r.macro)),
    ),
    row(
      'Pass rate (95 % CI)',
      runs.map((r) => estimate(r.passRate)),
    ),
    row(
      'Success rate',
      runs.map((r) => fractionCell(r.successRate)),
    ),
    ...comparison.categories.map((name) =>
      row(
        `category ${e(name)}`,
        runs.map((r) => {
          const c = r.categories.get(name);
          return c ? `${withDelta(formatPercent(c.value), c.delta)}, ${c.passed}/${c.n} passed` : '–';
        }),
      ),
    ),
    row(
      'Decode tok/s (median)',
      runs.map((r) => speedCell(r.speed.decodeTps, formatTps)),
    ),
    row(
      'Prefill tok/s (median)',
      runs.map((r) => speedCell(r.speed.prefillTps, formatTps)),
    ),
    row(
      'Time to first token (median)',
      runs.map((r) => speedCell(r.speed.ttftMs, formatMs)),
    ),
    row(
      'Load time',
      runs.map((r) => speedCell(r.speed.loadMs, formatMs)),
    ),
    row('Paired vs baseline (mean difference [95 % CI])', runs.map(pairedCell)),
    row(
      'Pass → fail',
      runs.map((r) => flipCell(r, 'passToFail')),
    ),
    row(
      'Fail → pass',
      runs.map((r) => flipCell(r, 'failToPass')),
    ),
    row('Output drift', runs.map(driftCell)),
    ...details(comparison),
  ];
  return `${lines.join('\n')}\n`;
}

/** Options of {@link renderMarkdownComparison}. */
export interface MarkdownComparisonOptions {
  /** Index (from 0) of the baseline run in `reports`; default 0, the first. */
  baseline?: number;
}

/**
 * Compares runs (`compareReports`) and renders the comparison as Markdown
 * (`renderComparisonMarkdown`), to paste into an issue or a pull request. A `baseline` outside the
 * list throws a `RangeError` (a caller bug: check user input first). Pure.
 */
export function renderMarkdownComparison(
  reports: readonly Report[],
  opts: MarkdownComparisonOptions = {},
): string {
  return renderComparisonMarkdown(compareReports(reports, opts.baseline ?? 0));
}
