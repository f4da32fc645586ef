import { reportJsonChunks } from '../core/report/reportJsonChunks.ts';
import type { Report } from '../core/report/schema.ts';
import { err, outChunks } from './io.ts';
import { inputCap } from './readInputText.ts';

/**
 * Prints a report as JSON on standard output, piece by piece (`reportJsonChunks`: one line per
 * case), so no report is ever one string in memory. A report over the size the CLI reads back gets
 * a warning on standard error saying so and what to do, rather than a file found unreadable later.
 */
export async function printReportJson(report: Report): Promise<void> {
  const bytes = await outChunks(reportJsonChunks(report));
  const cap = inputCap('report');
  if (bytes > cap) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    err(
      `warning: the report is ${mb(bytes)} MB, over the ${mb(cap)} MB that tabeval report, compare and rescore read: score the outputs in parts (e.g. one run per category) and compare the reports`,
    );
  }
}
