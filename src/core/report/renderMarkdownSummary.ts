import { formatPercent } from '../format/formatFigures.ts';
import { deviceLabel } from './deviceLabel.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { explainCaseReasons } from './caseReasons.ts';
import { flattenFacts } from './flattenFacts.ts';
import { truncateText } from './truncateText.ts';
import {
  describeIntervalMethod,
  formatInterval,
  formatTimestamp,
  shortHash,
} from '../format/formatFigures.ts';
import type { Report } from './schema.ts';
import { describeSource, sourceModelId } from './sourceFacts.ts';
import { describeHeadline } from '../scoring/headline.ts';

/** The run parameters as one line: `temperature 0, top_p 1, …` (plain text, not yet escaped). */
export function describeParams(params: Report['params']): string {
  const facts = flattenFacts(params, { maxValueChars: 80, maxFacts: 20 });
  return facts.length === 0 ? 'none' : facts.map((f) => `${f.label} ${f.value}`).join(', ');
}

/** Failing cases listed in the Markdown summary; the rest are counted. */
const MARKDOWN_FAILURES_LIMIT = 20;

function failingCases(report: Report): string[] {
  const failed = report.cases.filter((c) => !c.passed);
  if (failed.length === 0) return [];
  const e = escapeMarkdown;
  const shown = failed.slice(0, MARKDOWN_FAILURES_LIMIT).map((c) => {
    const reasons = explainCaseReasons(c).join('; ') || 'no reason recorded';
    return `- ${e(c.id)}: ${e(truncateText(reasons, 300).text)}`;
  });
  const more = failed.length - shown.length;
  return [
    '',
    `**Failing cases (${failed.length}):**`,
    '',
    ...shown,
    ...(more > 0 ? [`- … and ${more} more`] : []),
  ];
}

/**
 * A short Markdown summary of a run, to paste into an issue or a pull request: a run header
 * (suite with version and hash, model, device, date, parameters), the summary line (overall with
 * its interval, macro, pass rate with its interval) the category table and the failing cases
 * with their reasons in plain words (the first 20). Shows stored numbers.
 * Every string from the report is escaped (`escapeMarkdown`): it renders as text, never as a
 * link, an image, HTML or a table cell boundary. Pure; never throws.
 */
export function renderMarkdownSummary(report: Report): string {
  const s = report.summary;
  const e = escapeMarkdown;
  const passed = s.categories.reduce((sum, c) => sum + c.passed, 0);
  const lines = [
    `### tabeval: ${e(report.suite.id)} ${e(report.suite.version)}`,
    '',
    `- **Suite:** ${e(report.suite.id)} ${e(report.suite.version)} (sha256 ${e(shortHash(report.suite.hash))}, ${s.n} cases)`,
    `- **Model:** ${e(sourceModelId(report.source) ?? 'not recorded')} (${e(describeSource(report.source))})`,
    `- **Device:** ${e(deviceLabel(report.device))}`,
    `- **Date:** ${e(formatTimestamp(report.createdAt))}`,
    `- **Parameters:** ${e(describeParams(report.params))}`,
    '',
    `**${e(describeHeadline(s.headline))} ${formatPercent(s.overall)}** (${e(describeIntervalMethod(s.overallInterval.method))} CI ${formatInterval(s.overallInterval)}) · ` +
      `macro ${formatPercent(s.macro)} · ` +
      (s.headline === 'pass_rate'
        ? `passed ${passed}/${s.records}`
        : `passed ${passed}/${s.records} (${formatPercent(s.passRate)}, ${e(describeIntervalMethod(s.passRateInterval.method))} CI ${formatInterval(s.passRateInterval)})`) +
      s.passAtK
        .filter((p) => p.k > 1)
        .map((p) => ` · pass@${p.k} ${formatPercent(p.value)} (CI ${formatInterval(p.interval)})`)
        .join(''),
    '',
    '| Category | Cases | Mean | 95 % CI | Passed |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...s.categories.map(
      (c) =>
        `| ${e(c.name)} | ${c.n} | ${formatPercent(c.mean)} | ${formatInterval(c.meanInterval)} | ${c.passed}/${c.records} |`,
    ),
    ...failingCases(report),
  ];
  return `${lines.join('\n')}\n`;
}
