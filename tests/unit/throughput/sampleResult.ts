// A finished bench result for renderer and schema tests, made by the protocol on the scripted engine.
import { runBench } from '../../../src/throughput/runBench.ts';
import type { BenchResult, DeviceBlock } from '../../../src/throughput/schema.ts';
import { CALIBRATION, MODEL, WARMUP, pp, scriptedEngine, tg } from './fakeEngine.ts';

export async function sampleResult(
  overrides: { model?: Partial<typeof MODEL>; device?: DeviceBlock; throttled?: boolean } = {},
): Promise<BenchResult> {
  const tgFigures = overrides.throttled
    ? [tg(60, 60), tg(50, 50), tg(40, 40)]
    : [tg(50, 50), tg(51, 51), tg(49, 49)];
  return runBench({
    engine: scriptedEngine([
      WARMUP,
      CALIBRATION,
      pp(1000, 1000),
      pp(1010, 1000),
      pp(990, 1000),
      ...tgFigures,
    ]),
    model: { ...MODEL, ...overrides.model },
    device: overrides.device ?? {
      label: 'M2 Air, battery',
      browserVersion: 'Google Chrome 131.0.6778.85',
      adapter: {
        vendor: 'apple',
        architecture: 'metal-3',
        device: '',
        description: '',
        isFallbackAdapter: false,
      },
    },
    repetitions: 3,
    date: () => new Date('2026-01-15T10:00:00Z'),
  });
}
