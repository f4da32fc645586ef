import { parseCommandArgs } from '../parseCommandArgs.ts';
import { parseReportJson } from '../../core/report/parseReportJson.ts';
import { renderCsv } from '../../core/report/renderCsv.ts';
import { renderHtmlReport } from '../../core/report/renderHtmlReport.ts';
import { renderMarkdownSummary } from '../../core/report/renderMarkdownSummary.ts';
import type { Report } from '../../core/report/schema.ts';
import { err, out, readTextInput, UsageError } from '../io.ts';
import { inputCap } from '../readInputText.ts';
import { assertDistinctFiles, writeOutputSafely } from '../writeOutputSafely.ts';
import { verifiedReport } from '../verifiedReport.ts';

export const reportHelp = `tabeval report REPORT.json [--html OUT.html] [--csv OUT.csv] [--md]
  Renders a JSON report (tabeval.report/2; format 1 is read too), the same files the app downloads:
    --html FILE  a self-contained HTML report (opens offline, loads nothing, runs no script)
    --csv FILE   one row per case (RFC 4180; cells that a spreadsheet would run as a formula
                 are prefixed with ')
    --md         a Markdown summary on standard output, to paste into an issue or a PR
  Give at least one; several at once are fine. FILE "-" is standard output (one output at most).`;

const FORMAT_HINT =
  'there is no --format: give --html FILE, --csv FILE and/or --md (FILE "-" writes to standard output)';

/**
 * Reads and validates a report file; a problem is a one-line UsageError naming the file and the
 * first issue. Derived values are recomputed (`verifiedReport`), disagreements printed as warnings.
 */
export async function loadReportFile(path: string): Promise<Report> {
  const result = parseReportJson(await readTextInput(path, 'report'), { maxChars: inputCap('report') });
  if (result.ok) return verifiedReport(path, result.value);
  const [first, ...rest] = result.issues;
  const where = first === undefined || first.path === '(root)' ? '' : `${first.path}: `;
  const more =
    rest.length === 0 ? '' : ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})`;
  throw new UsageError(
    `${path} is not a valid tabeval report: ${where}${first?.message ?? 'unknown problem'}${more}`,
  );
}

async function writeOutput(path: string, text: string): Promise<void> {
  if (path === '-') {
    out(text);
    return;
  }
  const { bytes, replaced } = await writeOutputSafely(path, text);
  err(
    `wrote ${path} (${bytes.toLocaleString('en-US')} bytes${replaced ? ', replacing the file that was there' : ''})`,
  );
}

/** `tabeval report`: renders a report file as HTML, CSV and/or Markdown with the app's own renderers. */
export async function runReport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'report',
    args,
    { html: { type: 'string' }, csv: { type: 'string' }, md: { type: 'boolean', default: false } },
    { format: FORMAT_HINT, f: FORMAT_HINT, o: 'give --html FILE or --csv FILE (there is no -o)' },
  );
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one report file, got ${positionals.length}: tabeval report REPORT.json --html OUT.html`,
    );
  }
  const file = positionals[0]!;
  if (values.html === undefined && values.csv === undefined && !values.md) {
    throw new UsageError('nothing to render: give --html FILE, --csv FILE and/or --md');
  }
  const toStdout = [values.html === '-', values.csv === '-', values.md].filter(Boolean).length;
  if (toStdout > 1) {
    throw new UsageError('only one output can go to standard output: give a file for the others');
  }
  // Before reading anything: an output that is the report (a symlink, a hard link, another
  // spelling) or the other output would destroy data.
  await assertDistinctFiles(
    [file],
    [values.html, values.csv].filter((t) => t !== undefined),
  );
  const report = await loadReportFile(file);
  if (values.html !== undefined) await writeOutput(values.html, renderHtmlReport(report));
  if (values.csv !== undefined) await writeOutput(values.csv, renderCsv(report));
  if (values.md) out(renderMarkdownSummary(report));
  return 0;
}
