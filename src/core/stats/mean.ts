/** The arithmetic mean of `values`; `NaN` for an empty list (undefined, not 0). Pure; never throws. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
