import type { GenerationResult } from '../core/engine.ts';
import { median } from '../core/stats/index.ts';
import { benchStats } from './benchStats.ts';
import type { BenchSample, BenchTest } from './schema.ts';

/**
 * One timed repetition from a generation. pp: ours = prompt tokens / TTFT (our clock; the call's
 * end to end when the engine saw no non-empty first token, which with max_tokens 1 is prefill plus
 * one sampling step), WebLLM's = prefill_tokens_per_s. tg: ours = (completion tokens − 1) /
 * (t_last − t_first) as the engine measured it around the stream, WebLLM's = decode_tokens_per_s.
 * Pure; never throws.
 */
export function benchSample(
  kind: 'pp' | 'tg',
  repetition: number,
  generation: GenerationResult,
  durationMs: number,
): BenchSample {
  const { reported, measured } = generation.usage;
  const promptTokens = reported.promptTokens ?? measured.promptTokens;
  const completionTokens = reported.completionTokens ?? measured.completionTokens;
  const ttftMs = measured.ttftMs ?? reported.ttftMs;
  let tps: BenchSample['tps'];
  if (kind === 'pp') {
    const prefillMs = measured.ttftMs ?? measured.e2eMs;
    tps = {
      measured:
        promptTokens !== null && promptTokens > 0 && prefillMs !== null && prefillMs > 0
          ? promptTokens / (prefillMs / 1000)
          : null,
      reported: reported.prefillTps,
    };
  } else {
    tps = { measured: measured.decodeTps, reported: reported.decodeTps };
  }
  return {
    repetition,
    durationMs,
    finishReason: generation.finishReason,
    usage: generation.usage,
    promptTokens,
    completionTokens,
    ttftMs,
    tps,
  };
}

function medianOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((x): x is number => x !== null && Number.isFinite(x));
  return known.length === 0 ? null : median(known);
}

/** A test with its statistics computed from its samples. Pure; never throws. */
export function summarizeTest(
  name: string,
  kind: 'pp' | 'tg',
  tokens: number,
  samples: readonly BenchSample[],
): BenchTest {
  return {
    name,
    kind,
    tokens,
    samples: [...samples],
    measured: benchStats(samples.map((s) => s.tps.measured)),
    reported: benchStats(samples.map((s) => s.tps.reported)),
    ttftMs: benchStats(samples.map((s) => s.ttftMs)),
    promptTokens: medianOrNull(samples.map((s) => s.promptTokens)),
    completionTokens: medianOrNull(samples.map((s) => s.completionTokens)),
  };
}
