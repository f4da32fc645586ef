import { rename, writeFile } from 'node:fs/promises';
import type { Report } from '../../core/report/schema.ts';

/**
 * Writes the report as JSON through a temporary file beside it and a rename, so an interrupted
 * write never leaves half a report where the last whole one was (the file `--resume` reads).
 */
export async function writeReportFile(path: string, report: Report): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o644 });
  await rename(temporary, path);
}
