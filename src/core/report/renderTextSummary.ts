import { formatPercent } from '../format/formatFigures.ts';
import type { Report } from './schema.ts';
import { describeSource, sourceModelId } from './sourceFacts.ts';
import { describeHeadline } from '../scoring/headline.ts';
import { explainCaseReasons } from './caseReasons.ts';

/**
 * A plain-text summary of a report for terminals: overall with its interval, macro, categories,
 * and every failing case with its reasons. Shows stored numbers; computes no statistics.
 */
export function renderTextSummary(report: Report): string {
  const s = report.summary;
  const lines: string[] = [];
  lines.push(
    `${report.suite.id} ${report.suite.version}  (${s.n} cases, suite sha256 ${report.suite.hash.slice(0, 12)})`,
  );
  lines.push(`model: ${sourceModelId(report.source) ?? 'not recorded'} (${describeSource(report.source)})`);
  lines.push('');
  const headline = `${describeHeadline(s.headline).toLowerCase()}:`;
  const macro = 'macro (mean over categories):';
  const width = Math.max(headline.length, macro.length) + 1;
  lines.push(
    `${headline.padEnd(width)}${formatPercent(s.overall)}  ` +
      `95% CI ${formatPercent(s.overallInterval.low)}–${formatPercent(s.overallInterval.high)}`,
  );
  lines.push(`${macro.padEnd(width)}${formatPercent(s.macro)}`);
  const passed = s.categories.reduce((sum, c) => sum + c.passed, 0);
  lines.push(
    `passed: ${passed}/${s.records} (${formatPercent(s.passRate)}, ` +
      `95% CI ${formatPercent(s.passRateInterval.low)}–${formatPercent(s.passRateInterval.high)})  ` +
      `success rate: ${formatPercent(s.successRate)}`,
  );
  for (const figure of s.passAtK.filter((p) => p.k > 1)) {
    lines.push(
      `pass@${figure.k}: ${formatPercent(figure.value)}  ` +
        `95% CI ${formatPercent(figure.interval.low)}–${formatPercent(figure.interval.high)}  (unbiased, ${figure.n} cases)`,
    );
  }
  lines.push('');
  const categories = [...s.categories].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nameWidth = Math.max(8, ...categories.map((c) => c.name.length));
  lines.push(`${'category'.padEnd(nameWidth)}  ${'mean'.padStart(7)}  passed`);
  for (const c of categories) {
    lines.push(`${c.name.padEnd(nameWidth)}  ${formatPercent(c.mean).padStart(7)}  ${c.passed}/${c.records}`);
  }
  const failing = report.cases.filter((c) => !c.passed);
  if (failing.length > 0) {
    lines.push('');
    lines.push(`failing cases (${failing.length}):`);
    const idWidth = Math.max(...failing.map((c) => c.id.length));
    for (const c of failing) {
      lines.push(
        `  ${c.id.padEnd(idWidth)}  ${formatPercent(c.score).padStart(7)}  ${explainCaseReasons(c).join('; ') || '(no reason recorded)'}`,
      );
    }
  }
  return lines.join('\n');
}
