/**
 * Seconds left for `remaining` cases, from the mean of the durations (ms) of cases finished so
 * far; null until one has finished (a guess from nothing would mislead).
 */
export function estimateEta(durationsMs: readonly number[], remaining: number): number | null {
  if (durationsMs.length === 0 || remaining < 0) return null;
  const mean = durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length;
  return (mean * remaining) / 1000;
}
