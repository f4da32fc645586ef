import { describe, expect, it } from 'vitest';
import { describeProgress } from '../../../../src/ui/model/describeProgress.ts';

describe('describeProgress', () => {
  it('says which shard, how much and how long during the download', () => {
    expect(
      describeProgress({
        phase: 'fetch',
        stage: 'download',
        fraction: 0.4,
        text: '',
        elapsedSeconds: 12,
        shard: { index: 3, count: 28 },
        bytesDone: 512e6,
        bytesTotal: 1280e6,
        etaSeconds: 18,
      }),
    ).toBe('Downloading weights · shard 3 of 28 · 512 MB of about 1.28 GB · about 18 s left');
  });

  it('names the later stages', () => {
    const base = { fraction: 0.5, text: '', elapsedSeconds: 1 };
    expect(
      describeProgress({ ...base, phase: 'fetch', stage: 'gpu-upload', shard: { index: 1, count: 2 } }),
    ).toBe('Loading weights onto the GPU · shard 1 of 2');
    expect(
      describeProgress({ ...base, phase: 'compile', stage: 'shaders', shard: { index: 5, count: 10 } }),
    ).toBe('Compiling GPU shaders · 5 of 10');
    expect(describeProgress({ ...base, phase: 'ready', stage: 'done' })).toBe('Ready');
    expect(describeProgress({ ...base, phase: 'fetch', stage: 'prepare' })).toMatch(/^Preparing/);
    expect(describeProgress({ ...base, phase: 'fetch' })).toBe('Loading');
  });
});
