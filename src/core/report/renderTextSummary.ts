import { formatPercent } from '../scoring/scorers.ts';
import type { Report } from './schema.ts';

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
  if (report.model) lines.push(`model: ${report.model.id}`);
  lines.push('');
  lines.push(
    `overall (mean over cases, Punie rule): ${formatPercent(s.overall)}  ` +
      `95% CI ${formatPercent(s.overallInterval.low)}–${formatPercent(s.overallInterval.high)}`,
  );
  lines.push(`macro (mean over categories):         ${formatPercent(s.macro)}`);
  lines.push(
    `passed: ${Math.round(s.passRate * s.n)}/${s.n} (${formatPercent(s.passRate)}, ` +
      `95% CI ${formatPercent(s.passRateInterval.low)}–${formatPercent(s.passRateInterval.high)})  ` +
      `success rate: ${formatPercent(s.successRate)}`,
  );
  lines.push('');
  const names = Object.keys(s.categories).sort();
  const width = Math.max(8, ...names.map((n) => n.length));
  lines.push(`${'category'.padEnd(width)}  ${'mean'.padStart(7)}  passed`);
  for (const name of names) {
    const c = s.categories[name]!;
    lines.push(`${name.padEnd(width)}  ${formatPercent(c.mean).padStart(7)}  ${c.passed}/${c.n}`);
  }
  const failing = report.cases.filter((c) => !c.passed);
  if (failing.length > 0) {
    lines.push('');
    lines.push(`failing cases (${failing.length}):`);
    const idWidth = Math.max(...failing.map((c) => c.id.length));
    for (const c of failing) {
      lines.push(
        `  ${c.id.padEnd(idWidth)}  ${formatPercent(c.score).padStart(7)}  ${c.reasons.join(', ') || '(no reason recorded)'}`,
      );
    }
  }
  return lines.join('\n');
}
