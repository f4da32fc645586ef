import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredBench } from '../../../../src/storage/benchDb.ts';
import { sampleResult } from '../../throughput/sampleResult.ts';

const kept: StoredBench[] = [];
vi.mock('../../../../src/storage/benchDb.ts', () => ({
  listBenchResults: () => Promise.resolve([...kept]),
}));
const { measuredSpeed } = await import('../../../../src/ui/runs/measuredSpeed.ts');

function keep(result: StoredBench['result'], savedAt: string): void {
  kept.unshift({ id: savedAt, savedAt, origin: 'run', result });
}

describe('measuredSpeed', () => {
  beforeEach(() => {
    kept.length = 0;
  });

  it('takes the newest real measurement of this build on this device', async () => {
    const older = await sampleResult();
    const newer = await sampleResult();
    const id = newer.model.id;
    keep(older, '2026-01-01T00:00:00.000Z');
    keep(newer, '2026-02-01T00:00:00.000Z');
    const speed = await measuredSpeed(newer.device, id);
    const tg = newer.tests.find((t) => t.kind === 'tg')?.measured?.median;
    const pp = newer.tests.find((t) => t.kind === 'pp')?.measured?.median;
    expect(speed).toEqual({ prefillTps: pp, decodeTps: tg, savedAt: '2026-02-01T00:00:00.000Z' });
  });

  it('says there is none for another build, another device, a synthetic engine or an unfinished bench', async () => {
    const result = await sampleResult();
    keep({ ...result, engine: { ...result.engine, synthetic: true } }, 'a');
    keep({ ...result, status: 'aborted' }, 'b');
    expect(await measuredSpeed(result.device, result.model.id)).toBeNull();
    keep(result, 'c');
    expect(await measuredSpeed(result.device, 'another-build')).toBeNull();
    const elsewhere = result.device ? { ...result.device, label: 'Pixel 8, battery' } : null;
    expect(await measuredSpeed(elsewhere, result.model.id)).toBeNull();
    expect(await measuredSpeed(result.device, result.model.id)).not.toBeNull();
  });
});
