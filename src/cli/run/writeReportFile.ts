import type { Report } from '../../core/report/schema.ts';
import { writeOutputSafely } from '../writeOutputSafely.ts';

/**
 * Writes the report as JSON through the CLI's one safe writer (a flushed temporary file renamed
 * into place), so an interrupted write never leaves half a report where the last whole one was
 * (the file `--resume` reads).
 */
export async function writeReportFile(path: string, report: Report): Promise<void> {
  await writeOutputSafely(path, `${JSON.stringify(report, null, 2)}\n`);
}
