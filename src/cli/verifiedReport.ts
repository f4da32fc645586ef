import type { Report } from '../core/report/schema.ts';
import { verifyReport } from '../core/report/verifyReport.ts';
import { err } from './io.ts';

/**
 * The report with its derived values (summary, suite hash, output hashes) recomputed by
 * `verifyReport`; every stored value that disagreed is printed to standard error as a warning
 * naming the file and the path, so nothing edited or corrupt is shown as fact.
 */
export async function verifiedReport(path: string, report: Report): Promise<Report> {
  const { report: verified, discrepancies } = await verifyReport(report);
  if (discrepancies.length > 0) {
    err(
      `warning: ${path} was edited or is corrupt: ${discrepancies.length === 1 ? 'a stored value disagrees' : 'stored values disagree'} with what it is derived from; showing the recomputed values:`,
    );
    for (const d of discrepancies) err(`  ${d.path}: ${d.message}`);
  }
  return verified;
}
