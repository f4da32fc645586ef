// This device's measured throughput for a model build, from the Bench page's kept results: the
// run page's time estimates use it, and say so plainly when there is none.
import type { MeasuredSpeed } from '../../core/run/estimateRunSeconds.ts';
import { deviceLabel } from '../../core/report/deviceLabel.ts';
import type { DeviceBlock } from '../../core/report/schema.ts';
import { listBenchResults } from '../../storage/benchDb.ts';
import type { BenchResult } from '../../throughput/schema.ts';

/** A measurement and when it was kept. */
export interface DeviceSpeed extends MeasuredSpeed {
  savedAt: string;
}

function median(result: BenchResult, kind: 'pp' | 'tg'): number | null {
  const test = result.tests.find((t) => t.kind === kind && t.measured !== null);
  return test?.measured?.median ?? null;
}

/**
 * The newest complete, real (not synthetic) benchmark of `modelId` on the device named like
 * `device`; null when none was kept in this browser.
 */
export async function measuredSpeed(
  device: DeviceBlock | null,
  modelId: string,
): Promise<DeviceSpeed | null> {
  const name = deviceLabel(device);
  for (const stored of await listBenchResults()) {
    const r = stored.result;
    if (r.status !== 'complete' || r.engine.synthetic || r.model.id !== modelId) continue;
    if (deviceLabel(r.device) !== name) continue;
    const prefillTps = median(r, 'pp');
    const decodeTps = median(r, 'tg');
    if (prefillTps !== null && decodeTps !== null) return { prefillTps, decodeTps, savedAt: stored.savedAt };
  }
  return null;
}
