import { mean } from '../core/stats/index.ts';

/** What is left and what is known so far, per kind of timed step (the untimed ones have no ETA). */
export interface BenchEtaInput {
  remaining: { pp: number; tg: number };
  /** Durations (ms) of the finished timed steps. */
  done: { pp: readonly number[]; tg: readonly number[] };
  /** Predictions (ms) for one step, from the warm-up and calibration; null until known. */
  predicted: { pp: number | null; tg: number | null };
}

/**
 * Seconds left: each remaining step costs the mean of the finished steps of its kind, else its
 * prediction. Null while any remaining step has neither (a guess from nothing would mislead).
 * Pure; never throws.
 */
export function estimateBenchEta(input: BenchEtaInput): number | null {
  const perStep = (done: readonly number[], predicted: number | null): number | null =>
    done.length > 0 ? mean(done) : predicted;
  let total = 0;
  const parts: [number, number | null][] = [
    [input.remaining.pp, perStep(input.done.pp, input.predicted.pp)],
    [input.remaining.tg, perStep(input.done.tg, input.predicted.tg)],
  ];
  for (const [steps, ms] of parts) {
    if (steps <= 0) continue;
    if (ms === null || !Number.isFinite(ms)) return null;
    total += steps * ms;
  }
  return total / 1000;
}
