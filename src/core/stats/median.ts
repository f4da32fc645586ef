/**
 * The median of `values`: the middle value, or the mean of the two middle values for an even count;
 * `NaN` for an empty list. Does not modify `values`. Pure; never throws.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
