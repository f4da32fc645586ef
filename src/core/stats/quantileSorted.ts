/**
 * The `q`-quantile (q in [0, 1]) of ascending `sorted` values, interpolating linearly between
 * neighbours (R's type 7, numpy's default). `NaN` for an empty list. Pure; never throws.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction;
}
