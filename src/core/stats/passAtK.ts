// Unbiased pass@k (Chen et al. 2021, "Evaluating Large Language Models Trained on Code"): the
// chance that at least one of k samples drawn without replacement from a case's n samples passes,
// given that c of the n passed.

/**
 * pass@k of one case with `n` samples of which `passed` passed, in the numerically stable product
 * form 1 − ∏_{i=n−c+1}^{n} (1 − k/i) (no binomials, no overflow). 1 when fewer than k samples
 * failed. Requires 1 ≤ k ≤ n; returns NaN otherwise. Pure.
 */
export function passAtK(n: number, passed: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(passed) || !Number.isInteger(k)) return NaN;
  if (k < 1 || k > n || passed < 0 || passed > n) return NaN;
  if (n - passed < k) return 1;
  let failAll = 1;
  for (let i = n - passed + 1; i <= n; i += 1) failAll *= 1 - k / i;
  return 1 - failAll;
}

/** The k values a run reports: 1, then `chosen` (deduplicated, ascending), each at most `maxSamples`. */
export function passKValues(chosen: readonly number[], maxSamples: number): number[] {
  const values = new Set([1, ...chosen.filter((k) => Number.isInteger(k) && k >= 1 && k <= maxSamples)]);
  return [...values].sort((a, b) => a - b);
}
