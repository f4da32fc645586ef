/**
 * McNemar's exact test on paired pass/fail outcomes: the two-sided p-value that the discordant pairs
 * split as unevenly as `b` : `c` by chance. `b` = cases A passed and B failed, `c` = cases A failed and
 * B passed. p = min(1, 2·P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2); `b + c = 0` gives 1.
 * Summed in log space, so thousands of discordant pairs do not underflow. Pure; never throws.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n <= 0) return 1;
  const k = Math.min(b, c);
  const logHalfPowN = -n * Math.LN2;
  // log C(n, i), built up term by term; the terms are summed with the log-sum-exp trick.
  const logTerms: number[] = [];
  let logChoose = 0;
  for (let i = 0; i <= k; i += 1) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    logTerms.push(logChoose + logHalfPowN);
  }
  let top = -Infinity;
  for (const term of logTerms) top = Math.max(top, term);
  let sum = 0;
  for (const term of logTerms) sum += Math.exp(term - top);
  return Math.min(1, 2 * Math.exp(top + Math.log(sum)));
}
