import { parseCommandArgs } from '../parseCommandArgs.ts';
import { renderMarkdownComparison } from '../../core/compare/renderMarkdownComparison.ts';
import { comparableFromReport } from '../../core/compare/comparableRun.ts';
import { addDistinctRuns, runIdentity } from '../../core/compare/runIdentity.ts';
import { err, out, UsageError } from '../io.ts';
import { loadReportFile } from './report.ts';

export const compareHelp = `tabeval compare A.json B.json [C.json ...] [--baseline N]
  Compares runs side by side and prints Markdown: overall, macro, pass rate and categories with
  their difference from the baseline, median decode/prefill tokens/s, time to first token, load
  time; for runs of the same suite (same hash) McNemar's exact p-value, the paired mean difference
  with its 95 % interval and the cases that flipped; output drift between devices. A file that is
  the same run as an earlier one (the app's identity: its results summary) is named on stderr.
  --baseline N  the Nth file (counting from 1) is the baseline; default 1.`;

/** `tabeval compare`: the comparison the app shows, as Markdown on standard output. */
export async function runCompare(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('compare', args, { baseline: { type: 'string' } });
  if (positionals.length < 2) {
    throw new UsageError(`expected at least two report files to compare, got ${positionals.length}`);
  }
  let baseline = 0;
  if (values.baseline !== undefined) {
    const n = Number(values.baseline);
    if (!/^\d+$/.test(values.baseline) || n < 1 || n > positionals.length) {
      throw new UsageError(
        `--baseline must be a file number from 1 to ${positionals.length}, got "${values.baseline}"`,
      );
    }
    baseline = n - 1;
  }
  const reports = [];
  for (const file of positionals) reports.push(await loadReportFile(file));
  const identified = await Promise.all(
    reports.map(async (report, i) => ({
      identity: await runIdentity(comparableFromReport(positionals[i]!, report)),
      file: positionals[i]!,
    })),
  );
  for (const { run, of } of addDistinctRuns([], identified).duplicates) {
    err(`warning: ${run.file} is the same run as ${identified[of]!.file} (file ${of + 1}); compared anyway`);
  }
  out(renderMarkdownComparison(reports, { baseline }));
  return 0;
}
