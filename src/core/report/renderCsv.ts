import { csvNumberCell, csvTextCell } from './csvCell.ts';
import type { Report, ReportCase } from './schema.ts';
import { usageFigure } from './usageFigure.ts';

/** The columns of {@link renderCsv}, in order. */
export const CSV_COLUMNS = [
  'id',
  'category',
  'score',
  'passed',
  'reasons',
  'prompt_tokens',
  'completion_tokens',
  'ttft_ms',
  'decode_tps',
  'finish_reason',
  'duration_ms',
  'output_sha256',
] as const;

function row(c: ReportCase): string {
  return [
    csvTextCell(c.id),
    csvTextCell(c.category),
    csvNumberCell(c.score),
    c.passed ? 'true' : 'false',
    csvTextCell(c.reasons.join('; ')),
    csvNumberCell(usageFigure(c, 'promptTokens')),
    csvNumberCell(usageFigure(c, 'completionTokens')),
    csvNumberCell(usageFigure(c, 'ttftMs')),
    csvNumberCell(usageFigure(c, 'decodeTps')),
    csvTextCell(c.finishReason ?? ''),
    csvNumberCell(c.durationMs),
    csvTextCell(c.outputHash ?? ''),
  ].join(',');
}

/**
 * The cases of a report as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields
 * quoted when they hold a comma, quote or line break). One row per case, in run order, with the
 * columns of {@link CSV_COLUMNS}: the headline `score` as a fraction in [0, 1] as stored, `passed`
 * as `true`/`false`, the case's reason codes joined with `; `, usage figures measured when present
 * else reported (`usageFigure`), empty fields for missing figures, and the output's SHA-256.
 *
 * Spreadsheet formula injection is neutralised: every text field that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'` (`csvTextCell`), so it opens as text. Numbers
 * are written by the renderer and left as they are. No byte-order mark. Pure; never throws.
 */
export function renderCsv(report: Pick<Report, 'cases'>): string {
  const lines = [CSV_COLUMNS.join(','), ...report.cases.map(row)];
  return `${lines.join('\r\n')}\r\n`;
}
