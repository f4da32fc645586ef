// Opening a report file, the one way: read and verify it, store its re-scoring replay (with the
// stored values it contradicts) and start it, all in the report worker, then go to the run's page.
// Used by "Open a report" and by the bundled sample alike.
import { runController } from './runController.svelte.ts';
import type { OpeningPhase } from './replay/replayClient.ts';
import { router } from '../router.svelte.ts';

/**
 * Opens `file`; resolves with why it could not be opened (null for a cancelled opening too), or
 * null once its run page is shown. `onPhase` hears each step of opening.
 */
export async function openReportFile(
  file: File,
  pace: 'instant' | 'recorded',
  onPhase?: (phase: OpeningPhase) => void,
): Promise<string | null> {
  const started = await runController.startReplayFile(file, pace, onPhase);
  if (!started.ok) return started.cancelled ? null : started.message;
  router.go(`/runs/${started.id}`);
  return null;
}
