import { describe, expect, it } from 'vitest';
import { runBench, type BenchProgress } from '../../../src/throughput/runBench.ts';
import type { BenchResult, DeviceBlock } from '../../../src/throughput/schema.ts';
import { validateBench } from '../../../src/throughput/parseBenchJson.ts';
import { CALIBRATION, MODEL, WARMUP, pp, scriptedEngine, tg, type Answer } from './fakeEngine.ts';

const GPU: DeviceBlock = {
  label: 'test rig',
  browserVersion: 'Chromium 140.0.7339.0',
  adapter: {
    vendor: 'apple',
    architecture: 'metal-3',
    device: '',
    description: '',
    isFallbackAdapter: false,
  },
};
const SOFTWARE: DeviceBlock = {
  label: null,
  browserVersion: null,
  adapter: {
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: '',
    isFallbackAdapter: true,
  },
};

function script(ppFigures: Answer[], tgFigures: Answer[]): Answer[] {
  return [WARMUP, CALIBRATION, ...ppFigures, ...tgFigures];
}

const steadyPp = [pp(1000, 1000), pp(1010, 1005), pp(990, 995), pp(1005, 1000), pp(995, 1000)];
const steadyTg = [tg(50, 50), tg(51, 50.5), tg(49, 49.5), tg(50.5, 50), tg(49.5, 50)];

async function bench(
  answers: Answer[],
  extra: Partial<Parameters<typeof runBench>[0]> = {},
): Promise<BenchResult> {
  return runBench({ engine: scriptedEngine(answers), model: MODEL, device: GPU, ...extra });
}

function flagKinds(result: BenchResult, test: string | null): string[] {
  return result.flags.filter((f) => f.test === test).map((f) => f.kind);
}

describe('runBench: the protocol', () => {
  it('warms up and calibrates untimed, then runs pp N and tg M R times each', async () => {
    const engine = scriptedEngine(script(steadyPp, steadyTg));
    const result = await runBench({ engine, model: MODEL, device: GPU });
    expect(result.status).toBe('complete');
    expect(result.error).toBeNull();
    expect(engine.calls).toHaveLength(2 + 5 + 5);
    expect(result.untimed.map((u) => u.phase)).toEqual(['warmup', 'calibration']);
    expect(result.tests.map((t) => t.name)).toEqual(['pp512', 'tg128']);
    expect(result.tests.map((t) => t.samples.length)).toEqual([5, 5]);

    // Warm-up: short, generates past EOS; pp: max_tokens 1; tg: M tokens with ignore_eos.
    expect(engine.calls[0]?.params).toMatchObject({ max_tokens: 8, ignore_eos: true, temperature: 0 });
    for (const call of engine.calls.slice(1, 7)) expect(call.params.max_tokens).toBe(1);
    for (const call of engine.calls.slice(7))
      expect(call.params).toMatchObject({ max_tokens: 128, ignore_eos: true });

    // Calibration: 27 tokens for one repeat, 97 for eight → 10 per repeat, 17 of template → 50 repeats.
    expect(result.prompt).toEqual({ repeats: 50, tokensPerRepeat: 10, overheadTokens: 17, calibrated: true });
    const ppPrompt = engine.calls[2]?.messages.at(-1)?.content ?? '';
    expect(ppPrompt.match(/quick brown fox/g)).toHaveLength(50);
    expect(result.tests[0]?.promptTokens).toBe(517);
  });

  it('never counts the warm-up: its slow first token is in no statistic', async () => {
    const result = await bench(script(steadyPp, steadyTg));
    const ttfts = result.tests.flatMap((t) => t.samples.map((s) => s.ttftMs ?? 0));
    expect(Math.max(...ttfts)).toBeLessThan(WARMUP.ttftMs ?? 0);
    expect(result.tests[1]?.measured?.min).toBeGreaterThan(WARMUP.decodeTps ?? 0);
    expect(result.untimed[0]?.usage.measured.ttftMs).toBe(9000);
  });

  it('computes median, mean and sample sd of tokens/s from both sources, and TTFT', async () => {
    const result = await bench(
      script(steadyPp, [tg(40, 41), tg(50, 51), tg(60, 61), tg(45, 46), tg(55, 56)]),
    );
    const tgTest = result.tests[1];
    expect(tgTest?.measured).toMatchObject({ n: 5, median: 50, mean: 50, min: 40, max: 60 });
    expect(tgTest?.measured?.sd).toBeCloseTo(Math.sqrt(62.5), 10); // n − 1: (100+0+100+25+25)/4
    expect(tgTest?.reported).toMatchObject({ median: 51, mean: 51 });
    expect(tgTest?.measured?.spread).toBeCloseTo(20 / 50, 10);
    expect(tgTest?.ttftMs?.median).toBe(20);
    const ppTest = result.tests[0];
    expect(ppTest?.measured?.median).toBeCloseTo(1000, 6); // ours = 517 tokens / TTFT
    expect(ppTest?.reported?.median).toBe(1000);
  });

  it('flags our figure and WebLLM’s disagreeing by more than 15 %, and not at 10 %', async () => {
    const off = [tg(50, 40), tg(50, 40), tg(50, 40), tg(50, 40), tg(50, 40)]; // |50 − 40| / 40 = 25 %
    const close = [pp(1100, 1000), pp(1100, 1000), pp(1100, 1000), pp(1100, 1000), pp(1100, 1000)]; // 10 %
    const result = await bench(script(close, off));
    expect(flagKinds(result, 'tg128')).toContain('disagreement');
    expect(result.flags.find((f) => f.kind === 'disagreement')?.value).toBeCloseTo(0.25, 10);
    expect(flagKinds(result, 'pp512')).not.toContain('disagreement');
  });

  it('flags a spread over 25 % of the median (thermal throttling or background load)', async () => {
    const throttled = [tg(60, 60), tg(55, 55), tg(50, 50), tg(45, 45), tg(40, 40)]; // (60 − 40) / 50 = 40 %
    const result = await bench(script(steadyPp, throttled));
    const flag = result.flags.find((f) => f.kind === 'spread');
    expect(flag).toMatchObject({ test: 'tg128' });
    expect(flag?.value).toBeCloseTo(0.4, 10);
    expect(flag?.message).toMatch(/thermal throttling or background load/);
    expect(flagKinds(result, 'pp512')).toEqual([]);
  });

  it('raises no flag on a steady run on a real GPU', async () => {
    const result = await bench(script(steadyPp, steadyTg));
    expect(result.flags).toEqual([]);
  });

  it('flags a fallback (software) adapter, and a synthetic engine', async () => {
    const result = await bench(script(steadyPp, steadyTg), { device: SOFTWARE, synthetic: true });
    expect(flagKinds(result, null)).toEqual(['fallback-adapter', 'synthetic']);
    expect(result.engine.synthetic).toBe(true);
  });

  it('flags a generation that stopped before M tokens (ignore_eos not honoured)', async () => {
    const early = [tg(50, 50), tg(50, 50, 40), tg(50, 50), tg(50, 50), tg(50, 50)];
    const result = await bench(script(steadyPp, early));
    expect(result.flags.find((f) => f.kind === 'short-output')).toMatchObject({ test: 'tg128', value: 40 });
  });

  it('falls back to the documented estimate when the engine reports no prompt tokens', async () => {
    const result = await bench([
      { completionTokens: 8 },
      { completionTokens: 1 },
      ...steadyPp.map(() => ({ ttftMs: 500 })),
      ...steadyTg,
    ]);
    expect(result.prompt).toEqual({
      repeats: 49,
      tokensPerRepeat: null,
      overheadTokens: null,
      calibrated: false,
    });
    expect(result.tests[0]?.measured).toBeNull(); // no token count, no tokens/s
  });

  it('stops at the abort signal mid-run, keeping the samples taken, and aborts the engine', async () => {
    const controller = new AbortController();
    const engine = scriptedEngine(script(steadyPp, steadyTg), {
      beforeAnswer: (call) => {
        if (call === 3) controller.abort(); // during the second pp repetition
      },
    });
    const result = await runBench({ engine, model: MODEL, device: GPU, signal: controller.signal });
    expect(result.status).toBe('aborted');
    expect(result.error?.name).toBe('BenchAborted');
    expect(engine.aborts).toBe(1);
    expect(engine.calls).toHaveLength(4);
    expect(result.tests.map((t) => [t.name, t.samples.length])).toEqual([['pp512', 1]]);
    expect(validateBench(JSON.parse(JSON.stringify(result))).ok).toBe(true);
  });

  it('does not start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const engine = scriptedEngine(script(steadyPp, steadyTg));
    const result = await runBench({ engine, model: MODEL, device: GPU, signal: controller.signal });
    expect(result.status).toBe('aborted');
    expect(engine.calls).toHaveLength(0);
  });

  it('never throws: engine errors and exceptions end the result as failed', async () => {
    const failing = await bench([WARMUP, { ok: false, error: { name: 'DeviceLost', message: 'GPU lost' } }]);
    expect(failing).toMatchObject({ status: 'failed', error: { name: 'DeviceLost' } });
    const throwing = await bench([WARMUP, CALIBRATION, new Error('boom')]);
    expect(throwing).toMatchObject({ status: 'failed', error: { name: 'EngineFailed' } });
    expect(throwing.error?.message).toContain('boom');
    const interrupted = await bench([WARMUP, CALIBRATION, { ...pp(1000, 1000), finishReason: 'abort' }]);
    expect(interrupted).toMatchObject({ status: 'failed', error: { name: 'GenerationInterrupted' } });
  });

  it('refuses settings out of range without calling the engine', async () => {
    const engine = scriptedEngine([]);
    const result = await runBench({ engine, model: MODEL, device: GPU, promptTokens: 0, repetitions: 2.5 });
    expect(result.status).toBe('failed');
    expect(result.error?.name).toBe('InvalidSettings');
    expect(result.error?.message).toMatch(/pp N/);
    expect(result.error?.message).toMatch(/R \(repetitions\)/);
    expect(engine.calls).toHaveLength(0);
  });

  it('reports progress: step i of 2 + 2R, ETA unknown until the warm-up and calibration are done', async () => {
    let clock = 0;
    const events: BenchProgress[] = [];
    const engine = scriptedEngine(script(steadyPp.slice(0, 2), steadyTg.slice(0, 2)), {
      beforeAnswer: () => (clock += 1000),
    });
    const result = await runBench({
      engine,
      model: MODEL,
      device: GPU,
      repetitions: 2,
      now: () => clock,
      onProgress: (p) => events.push(p),
    });
    expect(result.status).toBe('complete');
    expect(events.map((e) => [e.step, e.phase])).toEqual([
      [1, 'warmup'],
      [2, 'calibration'],
      [3, 'pp'],
      [4, 'pp'],
      [5, 'tg'],
      [6, 'tg'],
      [6, 'done'],
    ]);
    expect(events.every((e) => e.total === 6)).toBe(true);
    expect(events[0]?.etaSeconds).toBeNull();
    expect(events[1]?.etaSeconds).toBeNull();
    // Before the second pp step: it (1 s, as the first took) and two tg steps, predicted from the
    // warm-up: its TTFT (9 s) plus 128 tokens at its decode speed (3 t/s).
    expect(events[3]?.etaSeconds).toBeCloseTo(1 + 2 * (9 + 128 / 3), 10);
    // Before the second tg step: it, at the 1 s the first one took.
    expect(events[5]?.etaSeconds).toBe(1);
    expect(events.at(-1)?.etaSeconds).toBe(0);
    expect(result.totalMs).toBe(6000);
  });

  it('records the model, device, settings and every raw sample, and validates as tabeval.bench/1', async () => {
    const result = await bench(script(steadyPp, steadyTg), { date: () => new Date('2026-01-15T10:00:00Z') });
    expect(result).toMatchObject({
      schema: 'tabeval.bench/1',
      app: { name: 'tabeval' },
      createdAt: '2026-01-15T10:00:00.000Z',
      engine: { name: 'webllm', version: '0.2.86', synthetic: false },
      model: MODEL,
      device: { label: 'test rig', browserVersion: 'Chromium 140.0.7339.0' },
      settings: {
        promptTokens: 512,
        genTokens: 128,
        repetitions: 5,
        disagreementThreshold: 0.15,
        spreadThreshold: 0.25,
      },
    });
    expect(result.tests[1]?.samples[0]?.usage.reported.decodeTps).toBe(50);
    expect(validateBench(JSON.parse(JSON.stringify(result)))).toMatchObject({ ok: true });
  });

  it('keeps cold and warm load times: the engine’s last load merged into the known ones', async () => {
    const engine = scriptedEngine(script(steadyPp, steadyTg), {
      info: { load: { ms: 4000, fromCache: true, bytesDownloaded: 0 } },
    });
    const cold = { ms: 90_000, bytesDownloaded: 300_000_000, seenAt: '2026-01-01T00:00:00.000Z' };
    const result = await runBench({
      engine,
      model: MODEL,
      device: GPU,
      knownLoads: { cold, warm: null },
      date: () => new Date('2026-01-15T10:00:00Z'),
    });
    expect(result.load).toEqual({
      cold,
      warm: { ms: 4000, bytesDownloaded: 0, seenAt: '2026-01-15T10:00:00.000Z' },
    });
  });
});
