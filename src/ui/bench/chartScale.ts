/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value`: a round top for an axis; 1 for nothing. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Evenly spaced ticks from 0 to `top` (inclusive), `count` intervals. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** A model id short enough for a chart label: `Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC` → `1.5B q4f16_1`. */
export function shortModelName(id: string): string {
  const match = /Coder-([\d.]+B)-Instruct-(q\d+f\d+(?:_\d+)?)-MLC$/.exec(id);
  return match ? `${match[1]} ${match[2]}` : id.length > 28 ? `${id.slice(0, 27)}…` : id;
}
