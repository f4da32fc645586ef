/**
 * The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`: a round top for a chart axis; 1 when
 * there is nothing to show (0, negative, NaN, infinite). One rule for the HTML report's charts and
 * the app's. Pure; never throws.
 */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  // The tolerance keeps 0.3 (stored as 0.30000000000000004) from climbing to 0.5.
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Evenly spaced axis ticks from 0 to `top` (inclusive): `count` intervals, `count` + 1 ticks. */
export function ticks(top: number, count = 4): number[] {
  // top / count first: top * i overflows to Infinity near Number.MAX_VALUE, and equal ticks would
  // collide as keys.
  return Array.from({ length: count + 1 }, (_, i) => (top / count) * i);
}
