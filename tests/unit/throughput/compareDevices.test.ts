import { describe, expect, it } from 'vitest';
import {
  answerSeconds,
  bestWithinBudget,
  compareDevices,
  reportFacts,
} from '../../../src/throughput/compareDevices.ts';
import type { Report } from '../../../src/core/report/schema.ts';
import { loadReportFixture } from '../ui/results/loadFixture.ts';
import { sampleResult } from './sampleResult.ts';

const rich = loadReportFixture('rich.report.json');

function report(changes: { label?: string; model?: string; overall?: number; createdAt?: string }): Report {
  return {
    ...rich,
    createdAt: changes.createdAt ?? rich.createdAt,
    source:
      rich.source.kind === 'webllm' && changes.model
        ? { ...rich.source, model: { ...rich.source.model, id: changes.model } }
        : rich.source,
    device: changes.label && rich.device ? { ...rich.device, label: changes.label } : rich.device,
    summary: { ...rich.summary, overall: changes.overall ?? rich.summary.overall },
  };
}

const SMALL = 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC';
const MID = 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC';

describe('compareDevices', () => {
  it('joins a bench result and an eval report of the same device and model', async () => {
    const bench = await sampleResult(); // "M2 Air, battery", 0.5B, tg ≈ 50 t/s
    const points = compareDevices(
      [bench],
      [reportFacts(report({ label: 'M2 Air, battery', model: SMALL, overall: 0.6 }))],
    );
    expect(points).toEqual([
      {
        device: 'M2 Air, battery',
        model: SMALL,
        decodeTps: 50,
        prefillTps: 1000,
        ttftMs: 20,
        speedSource: 'bench',
        quality: 0.6,
        fallback: false,
        synthetic: false,
      },
    ]);
  });

  it('takes speeds from the report when no benchmark exists, naming the device by its adapter', () => {
    const [point] = compareDevices([], [reportFacts(rich)]);
    expect(point).toMatchObject({
      device: 'apple metal-3',
      model: MID,
      decodeTps: 29.1,
      ttftMs: 313,
      speedSource: 'report',
      quality: 0.8125,
    });
  });

  it('keeps the latest result of each device and model', async () => {
    const older = report({ label: 'Pixel 8', model: SMALL, overall: 0.2, createdAt: '2026-01-01T00:00:00Z' });
    const newer = report({ label: 'Pixel 8', model: SMALL, overall: 0.4, createdAt: '2026-02-01T00:00:00Z' });
    expect(compareDevices([], [newer, older].map(reportFacts)).map((p) => p.quality)).toEqual([0.4]);
    expect(compareDevices([], [older, newer].map(reportFacts)).map((p) => p.quality)).toEqual([0.4]);
  });

  it('picks the best-scoring model on a device that answers within a latency budget', () => {
    const points = compareDevices(
      [],
      [
        report({ label: 'laptop', model: SMALL, overall: 0.5 }),
        report({ label: 'laptop', model: MID, overall: 0.8 }),
        report({ label: 'phone', model: MID, overall: 0.9 }),
      ].map(reportFacts),
    ).map((p) => (p.model === SMALL ? { ...p, decodeTps: 100, ttftMs: 100 } : p));
    const mid = points.find((p) => p.device === 'laptop' && p.model === MID);
    expect(mid && answerSeconds(mid, 256)).toBeCloseTo(0.313 + 256 / 29.1, 10); // ≈ 9.11 s
    expect(bestWithinBudget(points, 'laptop', 256, 10)?.model).toBe(MID);
    expect(bestWithinBudget(points, 'laptop', 256, 5)?.model).toBe(SMALL); // 0.1 + 2.56 s
    expect(bestWithinBudget(points, 'laptop', 256, 1)).toBeNull();
  });

  it('marks software adapters and synthetic results', async () => {
    const bench = await sampleResult({
      device: {
        label: 'ci',
        browserVersion: null,
        adapter: { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: true },
      },
    });
    bench.engine.synthetic = true;
    expect(compareDevices([bench], [])[0]).toMatchObject({ fallback: true, synthetic: true });
  });
});
