import type { Interval } from '../report/schema.ts';

/**
 * The Wilson score interval for a proportion: `successes` out of `n` trials, `z` the normal quantile
 * (1.96 for 95 %). Unlike the normal approximation it stays inside [0, 1] and is sensible for 0/n and
 * n/n, which small suites produce all the time. `n = 0` gives [0, 1] (nothing known). The ends are
 * exact at the edges: low is 0 when `successes = 0`, high is 1 when `successes = n`.
 * `method` is `wilson-95` for z = 1.96, else `wilson-z<z>`. Pure; never throws.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  const method = z === 1.96 ? 'wilson-95' : `wilson-z${z}`;
  if (n <= 0) return { low: 0, high: 1, method };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const low = successes <= 0 ? 0 : Math.max(0, centre - half);
  const high = successes >= n ? 1 : Math.min(1, centre + half);
  return { low, high, method };
}
