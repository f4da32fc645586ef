// Opening a report file, the one way: read and verify it (readReportFile), start its re-scoring
// replay with the stored values it contradicts, and go to the run's page. Used by "Open a report"
// and by the bundled sample alike.
import { readReportFile } from './readReportFile.ts';
import { runController } from './runController.svelte.ts';
import { router } from '../router.svelte.ts';

/** Opens `file`; resolves with why it could not be opened, or null once its run page is shown. */
export async function openReportFile(file: File, pace: 'instant' | 'recorded'): Promise<string | null> {
  const opened = await readReportFile(file);
  if (!opened.ok) return opened.message;
  const id = await runController.startReplay(opened.report, opened.suite, pace, opened.discrepancies);
  router.go(`/runs/${id}`);
  return null;
}
