import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapInitProgress, prepareProgress } from '../../../../src/engines/webllm/progress.ts';

// Texts exactly as WebLLM 0.2.86 builds them (tvmjs fetchTensorCacheInternal / LoadGPUShaders,
// MLCEngine.reloadInternal); the last test checks the format strings are still in the library.
const FETCHING =
  'Fetching param cache[3/28]: 512MB fetched. 40% completed, 12 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.';
const FROM_CACHE = 'Loading model from cache[7/28]: 250MB loaded. 25% completed, 3 secs elapsed.';
const SHADERS = 'Loading GPU shader modules[40/120]: 33% completed, 5 secs elapsed.';
const FINISH = 'Finish loading on WebGPU - google';

describe('mapInitProgress', () => {
  it('maps the start of the fetch phase', () => {
    expect(mapInitProgress({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' })).toEqual({
      phase: 'fetch',
      stage: 'download',
      fraction: 0,
      text: 'Start to fetch params',
      elapsedSeconds: 0,
    });
  });

  it('reads shard i/n, bytes done, total and ETA from a download report', () => {
    const p = mapInitProgress({ progress: 0.4, timeElapsed: 12, text: FETCHING });
    expect(p.phase).toBe('fetch');
    expect(p.stage).toBe('download');
    expect(p.shard).toEqual({ index: 3, count: 28 });
    expect(p.bytesDone).toBe(512 * 1024 * 1024);
    expect(p.bytesTotal).toBe(Math.round((512 * 1024 * 1024) / 0.4));
    // 12 s for 40 %: 18 s for the remaining 60 %.
    expect(p.etaSeconds).toBe(18);
    expect(p.fraction).toBe(0.4);
    expect(p.elapsedSeconds).toBe(12);
    expect(p.text).toBe(FETCHING);
  });

  it('gives no ETA before any time has passed, and 0 when complete', () => {
    expect(mapInitProgress({ progress: 0.1, timeElapsed: 0, text: FETCHING }).etaSeconds).toBeUndefined();
    const done =
      'Fetching param cache[28/28]: 1000MB fetched. 100% completed, 60 secs elapsed. It can take ...';
    expect(mapInitProgress({ progress: 1, timeElapsed: 60, text: done }).etaSeconds).toBe(0);
  });

  it('maps loading shards from the cache onto the GPU', () => {
    const p = mapInitProgress({ progress: 0.25, timeElapsed: 3, text: FROM_CACHE });
    expect(p).toMatchObject({ phase: 'fetch', stage: 'gpu-upload', shard: { index: 7, count: 28 } });
    expect(p.bytesDone).toBe(250 * 1024 * 1024);
    expect(p.etaSeconds).toBeUndefined();
  });

  it('maps shader compilation to the compile phase (progress restarts at 0)', () => {
    const p = mapInitProgress({ progress: 40 / 120, timeElapsed: 5, text: SHADERS });
    expect(p).toMatchObject({ phase: 'compile', stage: 'shaders', shard: { index: 40, count: 120 } });
    expect(p.fraction).toBeCloseTo(1 / 3);
  });

  it('maps "Finish loading" to ready', () => {
    expect(mapInitProgress({ progress: 1, timeElapsed: 31.4, text: FINISH })).toEqual({
      phase: 'ready',
      stage: 'done',
      fraction: 1,
      text: FINISH,
      elapsedSeconds: 31.4,
    });
  });

  it('keeps unknown texts verbatim and clamps nonsense numbers', () => {
    const p = mapInitProgress({ progress: Number.NaN, timeElapsed: -1, text: '<b>something new</b>' });
    expect(p).toEqual({ phase: 'fetch', fraction: 0, text: '<b>something new</b>', elapsedSeconds: 0 });
    expect(mapInitProgress({ progress: 7, timeElapsed: 1, text: 'x' }).fraction).toBe(1);
  });

  it('has a prepare report for the time before WebLLM reports anything', () => {
    expect(prepareProgress('Fetching the config')).toMatchObject({
      phase: 'fetch',
      stage: 'prepare',
      fraction: 0,
    });
  });

  it('matches the format strings in the installed WebLLM', () => {
    const lib = readFileSync(
      new URL('../../../../node_modules/@mlc-ai/web-llm/lib/index.js', import.meta.url),
      'utf8',
    );
    for (const fragment of [
      '"Fetching param cache["',
      '"MB fetched. "',
      '"Loading model from cache["',
      '"MB loaded. "',
      '"Loading GPU shader modules["',
      '"% completed, "',
      '" secs elapsed."',
      '"Finish loading on "',
      '"Start to fetch params"',
    ]) {
      expect(lib, fragment).toContain(fragment);
    }
  });
});
