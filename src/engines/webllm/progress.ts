// Maps WebLLM's initProgressCallback reports to LoadProgress. The texts are WebLLM 0.2.86's
// (tvmjs fetchTensorCacheInternal, LoadGPUShaders, MLCEngine.reloadInternal):
//   "Start to fetch params"
//   "Fetching param cache[3/28]: 512MB fetched. 40% completed, 12 secs elapsed. It can take ..."
//   "Loading model from cache[3/28]: 512MB loaded. 40% completed, 12 secs elapsed."
//   "Loading GPU shader modules[40/120]: 33% completed, 5 secs elapsed."
//   "Finish loading on WebGPU - <adapter>"
import type { LoadProgress } from '../../core/engine.ts';

/** WebLLM's InitProgressReport, structurally (the page must not import WebLLM values). */
export interface InitProgressReport {
  progress: number;
  timeElapsed: number;
  text: string;
}

const MIB = 1024 * 1024;

const FETCHING = /^Fetching param cache\[(\d+)\/(\d+)\]: (\d+)MB fetched\./;
const FROM_CACHE = /^Loading model from cache\[(\d+)\/(\d+)\]: (\d+)MB loaded\./;
const SHADERS = /^Loading GPU shader modules\[(\d+)\/(\d+)\]/;
const FINISH = /^Finish loading on /;
const START = /^Start to fetch params/;

function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.min(1, Math.max(0, x));
}

function shardOf(m: RegExpExecArray): { index: number; count: number } {
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** One report -> LoadProgress. Unknown texts keep the fraction and are shown verbatim. */
export function mapInitProgress(report: InitProgressReport): LoadProgress {
  const fraction = clamp01(report.progress);
  const elapsedSeconds = Number.isFinite(report.timeElapsed) ? Math.max(0, report.timeElapsed) : 0;
  const base = { fraction, text: report.text, elapsedSeconds };

  if (FINISH.test(report.text)) return { ...base, phase: 'ready', stage: 'done', fraction: 1 };
  if (START.test(report.text)) return { ...base, phase: 'fetch', stage: 'download' };

  const shaders = SHADERS.exec(report.text);
  if (shaders) return { ...base, phase: 'compile', stage: 'shaders', shard: shardOf(shaders) };

  const fetching = FETCHING.exec(report.text);
  if (fetching) {
    // WebLLM rounds the MB figure up; the fraction is exact, so the total follows from both.
    const bytesDone = Number(fetching[3]) * MIB;
    const progress: LoadProgress = {
      ...base,
      phase: 'fetch',
      stage: 'download',
      shard: shardOf(fetching),
      bytesDone,
    };
    if (fraction > 0) progress.bytesTotal = Math.round(bytesDone / fraction);
    if (fraction > 0 && fraction < 1 && elapsedSeconds > 0) {
      progress.etaSeconds = Math.round((elapsedSeconds * (1 - fraction)) / fraction);
    } else if (fraction >= 1) {
      progress.etaSeconds = 0;
    }
    return progress;
  }

  const fromCache = FROM_CACHE.exec(report.text);
  if (fromCache) {
    const bytesDone = Number(fromCache[3]) * MIB;
    const progress: LoadProgress = {
      ...base,
      phase: 'fetch',
      stage: 'gpu-upload',
      shard: shardOf(fromCache),
      bytesDone,
    };
    if (fraction > 0) progress.bytesTotal = Math.round(bytesDone / fraction);
    return progress;
  }

  return { ...base, phase: 'fetch' };
}

/** The report the worker emits itself before WebLLM reports anything (config + library fetch). */
export function prepareProgress(text: string): LoadProgress {
  return { phase: 'fetch', stage: 'prepare', fraction: 0, text, elapsedSeconds: 0 };
}
