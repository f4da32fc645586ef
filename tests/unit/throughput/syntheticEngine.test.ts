import { generationRequest } from '../helpers/generationRequest.ts';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../../src/throughput/runBench.ts';
import {
  createSyntheticEngine,
  syntheticPromptTokens,
} from '../../../src/engines/replay/createSyntheticEngine.ts';
import { streamPaced } from '../../../src/engines/replay/streamPaced.ts';
import { promptMessages } from '../../../src/throughput/benchPrompt.ts';

/** A clock whose sleeps advance it exactly: pacing without wall-clock time. */
function fakeClock() {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

const params = { temperature: 0, top_p: 1, seed: 0 };

describe('streamPaced: the one pacing loop', () => {
  it('sends one 4-character token per tick, the first at once', async () => {
    const clock = fakeClock();
    const chunks: [number, string][] = [];
    const out = await streamPaced(
      'aaaabbbbcccc',
      100,
      (d) => chunks.push([clock.t, d]),
      clock,
      () => false,
    );
    expect(chunks).toEqual([
      [0, 'aaaa'],
      [10, 'bbbb'],
      [20, 'cccc'],
    ]);
    expect(out).toEqual({ sent: 12, aborted: false, firstMs: 0, lastMs: 20 });
  });

  it('catches up when timers fire late, instead of adding the lateness up', async () => {
    const clock = fakeClock();
    const late = { now: clock.now, sleep: async (ms: number) => void (clock.t += ms * 3) };
    const chunks: string[] = [];
    await streamPaced(
      'a'.repeat(40),
      100,
      (d) => chunks.push(d),
      late,
      () => false,
    );
    expect(chunks.join('')).toHaveLength(40);
    expect(clock.t).toBeLessThanOrEqual(120); // 10 tokens at 100/s: 90 ms on time, not 270
  });

  it('stops before the next chunk once aborted', async () => {
    const clock = fakeClock();
    let n = 0;
    const out = await streamPaced(
      'a'.repeat(40),
      100,
      () => (n += 1),
      clock,
      () => n >= 2,
    );
    expect(out).toMatchObject({ sent: 8, aborted: true });
  });
});

describe('createSyntheticEngine', () => {
  it('counts prompt tokens word by word, with the chat template’s cost', () => {
    expect(syntheticPromptTokens(promptMessages(1))).toBe(27);
    expect(syntheticPromptTokens(promptMessages(8))).toBe(97);
  });

  it('streams max_tokens tokens with ignore_eos, fewer without; reports usage like WebLLM', async () => {
    const clock = fakeClock();
    const engine = createSyntheticEngine({ decodeTps: 200, prefillTps: 2700, naturalTokens: 10, clock });
    let streamed = '';
    const full = await engine.generate(
      generationRequest(promptMessages(1), { ...params, max_tokens: 32, ignore_eos: true }),
      (d) => {
        streamed += d;
      },
    );
    expect(full.ok).toBe(true);
    if (!full.ok) return;
    expect(full.value.text).toBe(streamed);
    expect(full.value.finishReason).toBe('length');
    expect(full.value.usage.reported).toMatchObject({
      promptTokens: 27,
      completionTokens: 32,
      prefillTps: 2700,
      decodeTps: 200,
      ttftMs: 10,
    });
    expect(full.value.usage.measured.ttftMs).toBe(10);
    expect(full.value.usage.measured.decodeTps).toBeCloseTo(200, 10);
    const natural = await engine.generate(
      generationRequest(promptMessages(1), { ...params, max_tokens: 32 }),
      () => undefined,
    );
    expect(natural.ok && natural.value).toMatchObject({
      finishReason: 'stop',
      usage: { measured: { completionTokens: 10 } },
    });
  });

  it('ends with finishReason "abort" when aborted mid-stream', async () => {
    const clock = fakeClock();
    const engine = createSyntheticEngine({ decodeTps: 100, clock });
    let chunks = 0;
    const result = await engine.generate(
      generationRequest(promptMessages(1), { ...params, max_tokens: 50, ignore_eos: true }),
      () => {
        chunks += 1;
        if (chunks === 3) void engine.abort();
      },
    );
    expect(result.ok && result.value.finishReason).toBe('abort');
    expect(result.ok && result.value.usage.measured.completionTokens).toBe(3);
  });

  it('runs the whole protocol: figures at the set speeds, no flag but "synthetic"', async () => {
    const clock = fakeClock();
    const engine = createSyntheticEngine({ decodeTps: 200, prefillTps: 2000, clock });
    const result = await runBench({
      engine,
      model: {
        id: 'synthetic',
        quantization: null,
        sizeBytes: null,
        sizeIsEstimate: false,
        params: null,
        paramsLabel: null,
      },
      device: null,
      synthetic: true,
      repetitions: 3,
      genTokens: 64,
      now: clock.now,
    });
    expect(result.status).toBe('complete');
    expect(result.prompt).toMatchObject({ repeats: 50, tokensPerRepeat: 10, calibrated: true });
    const [ppTest, tgTest] = result.tests;
    expect(ppTest?.promptTokens).toBe(517);
    expect(ppTest?.measured?.median).toBeCloseTo(2000, 6);
    expect(ppTest?.reported?.median).toBe(2000);
    expect(tgTest?.completionTokens).toBe(64);
    expect(tgTest?.measured?.median).toBeCloseTo(200, 6);
    expect(tgTest?.measured?.sd).toBeCloseTo(0, 6);
    expect(result.flags.map((f) => f.kind)).toEqual(['synthetic']);
    expect(result.engine).toEqual({ name: 'synthetic', version: 'synthetic-1', synthetic: true });
  });
});
