import { mean } from './mean.ts';

/**
 * The SAMPLE standard deviation of `values` (divides by n − 1, Bessel's correction: the values are a
 * sample of repeated runs, as llama-bench reports them); `NaN` for fewer than two values, where it is
 * undefined. Pure; never throws.
 */
export function stddev(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
