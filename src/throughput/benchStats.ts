import { mean, median, stddev } from '../core/stats/index.ts';
import type { BenchStats } from './schema.ts';

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Median, mean, sample standard deviation, range, spread ((max − min) / median) and coefficient
 * of variation (sd / mean) of the known values; nulls and non-finite values are skipped. Null when
 * no value is known. Pure; never throws.
 */
export function benchStats(values: readonly (number | null)[]): BenchStats | null {
  const known = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (known.length === 0) return null;
  const centre = median(known);
  const average = mean(known);
  const sd = finiteOrNull(stddev(known));
  const min = Math.min(...known);
  const max = Math.max(...known);
  return {
    n: known.length,
    median: centre,
    mean: average,
    sd,
    min,
    max,
    spread: known.length > 1 && centre > 0 ? (max - min) / centre : null,
    cv: sd !== null && average > 0 ? sd / average : null,
  };
}
