import type { EngineInfo } from '../core/engine.ts';
import type { LoadRecords } from './schema.ts';

/**
 * Adds the engine's last load to the records kept for a device and model: a load that downloaded
 * weights is the cold one, a load from the browser cache the warm one; each kind keeps its latest.
 * The same load seen again (same figures) keeps its first `seenAt`. Pure; never throws.
 */
export function mergeLoadRecords(
  known: LoadRecords | null,
  load: EngineInfo['load'],
  seenAt: string,
): LoadRecords {
  const merged: LoadRecords = { cold: known?.cold ?? null, warm: known?.warm ?? null };
  if (load === null || !Number.isFinite(load.ms)) return merged;
  const slot = load.fromCache ? 'warm' : 'cold';
  const previous = merged[slot];
  if (previous && previous.ms === load.ms && previous.bytesDownloaded === load.bytesDownloaded) return merged;
  merged[slot] = { ms: load.ms, bytesDownloaded: load.bytesDownloaded, seenAt };
  return merged;
}
