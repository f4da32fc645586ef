import type { BenchFlag, BenchTest, DeviceBlock } from './schema.ts';

/** Thresholds the flags use (fractions). */
export interface FlagThresholds {
  disagreement: number;
  spread: number;
  promptSize: number;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/** True when the device block says the WebGPU adapter is a software (fallback) adapter. */
export function isFallbackDevice(device: DeviceBlock | Record<string, unknown> | null): boolean {
  const adapter = device?.['adapter'];
  return typeof adapter === 'object' && adapter !== null && 'isFallbackAdapter' in adapter
    ? adapter.isFallbackAdapter === true
    : false;
}

/**
 * The flags of one test:
 * - disagreement: |ours − WebLLM's| / WebLLM's, on the medians, above `disagreement` (the two
 *   clocks measure different spans: ours includes the worker round trip and tokenisation);
 * - spread: (max − min) / median of our figure (WebLLM's when ours is missing) above `spread`
 *   (thermal throttling or background load);
 * - short-output (tg): a repetition generated fewer than M tokens (ignore_eos not honoured);
 * - prompt-size (pp): the actual prompt missed N by more than `promptSize`.
 * Pure; never throws.
 */
export function testFlags(test: BenchTest, thresholds: FlagThresholds): BenchFlag[] {
  const flags: BenchFlag[] = [];
  const ours = test.measured;
  const theirs = test.reported;
  if (ours && theirs && theirs.median > 0) {
    const difference = Math.abs(ours.median - theirs.median) / theirs.median;
    if (difference > thresholds.disagreement) {
      flags.push({
        kind: 'disagreement',
        test: test.name,
        value: difference,
        message: `our figure (${ours.median.toFixed(1)} t/s) and WebLLM's (${theirs.median.toFixed(1)} t/s) differ by ${percent(difference)}, more than ${percent(thresholds.disagreement)}`,
      });
    }
  }
  const basis = ours ?? theirs;
  if (basis && basis.spread !== null && basis.spread > thresholds.spread) {
    flags.push({
      kind: 'spread',
      test: test.name,
      value: basis.spread,
      message: `repetitions spread by ${percent(basis.spread)} of the median (more than ${percent(thresholds.spread)}): thermal throttling or background load`,
    });
  }
  if (test.kind === 'tg') {
    const short = test.samples.filter((s) => s.completionTokens !== null && s.completionTokens < test.tokens);
    if (short.length > 0) {
      const fewest = Math.min(...short.map((s) => s.completionTokens ?? 0));
      flags.push({
        kind: 'short-output',
        test: test.name,
        value: fewest,
        message: `${short.length} of ${test.samples.length} repetitions stopped early (as few as ${fewest} of ${test.tokens} tokens): the engine did not honour ignore_eos`,
      });
    }
  }
  if (test.kind === 'pp' && test.promptTokens !== null) {
    const off = Math.abs(test.promptTokens - test.tokens) / test.tokens;
    if (off > thresholds.promptSize) {
      flags.push({
        kind: 'prompt-size',
        test: test.name,
        value: test.promptTokens,
        message: `the prompt had ${test.promptTokens} tokens, not about ${test.tokens}`,
      });
    }
  }
  return flags;
}

/** Flags of the whole result: a fallback (software) adapter; a synthetic engine. Pure. */
export function resultFlags(device: DeviceBlock | null, synthetic: boolean): BenchFlag[] {
  const flags: BenchFlag[] = [];
  if (isFallbackDevice(device)) {
    flags.push({
      kind: 'fallback-adapter',
      test: null,
      value: null,
      message: 'the WebGPU adapter is a software fallback adapter: speeds say nothing about the GPU',
    });
  }
  if (synthetic) {
    flags.push({
      kind: 'synthetic',
      test: null,
      value: null,
      message: 'replay engine: figures are synthetic',
    });
  }
  return flags;
}
