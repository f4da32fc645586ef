import type { Interval } from '../report/schema.ts';
import { bootstrapMeanInterval } from './bootstrapMeanInterval.ts';
import { mean } from './mean.ts';

/** Options of {@link pairedDifference}. */
export interface PairedDifferenceOptions {
  /** Seed of the bootstrap: the same inputs and seed always give the same interval. */
  seed: number;
  /** Number of bootstrap resamples. Default 2000. */
  resamples?: number;
  /** Confidence level. Default 0.95. */
  level?: number;
}

/** The mean of paired differences and its bootstrap interval. */
export interface PairedDifference {
  /** Mean of `a[i] − b[i]`. */
  mean: number;
  interval: Interval;
  /** Number of pairs. */
  n: number;
}

/**
 * The mean of the paired differences `a[i] − b[i]` with a seeded percentile bootstrap interval
 * (resampling pairs, so the correlation between the two runs is kept). The lists must have the same
 * length: a mismatch is a caller bug and throws a `RangeError`. Empty lists give NaN.
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
  options: PairedDifferenceOptions,
): PairedDifference {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifference: lists differ in length (${a.length} vs ${b.length})`);
  }
  const differences = a.map((value, index) => value - b[index]!);
  return {
    mean: mean(differences),
    interval: bootstrapMeanInterval(differences, options),
    n: differences.length,
  };
}
