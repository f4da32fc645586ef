import { describe, expect, it } from 'vitest';
import { bootstrapMeanInterval } from '../../../../src/core/stats/bootstrapMeanInterval.ts';
import { mean } from '../../../../src/core/stats/mean.ts';
import { mulberry32 } from '../../../../src/core/stats/mulberry32.ts';
import { pairedDifference } from '../../../../src/core/stats/pairedDifference.ts';

const scores = [1, 0.75, 1, 0.75, 1, 1, 1, 0.5, 0, 1];
const continuous = [0.13, 0.72, 0.05, 0.91, 0.44, 0.58, 0.27, 0.99, 0.36, 0.61];

describe('mulberry32', () => {
  it('is deterministic for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(first)).toBeCloseTo(0.5, 1);
  });
});

describe('bootstrapMeanInterval', () => {
  it('gives the same interval for the same seed, and a different one for another seed', () => {
    const one = bootstrapMeanInterval(continuous, { seed: 7 });
    expect(bootstrapMeanInterval(continuous, { seed: 7 })).toEqual(one);
    expect(bootstrapMeanInterval(continuous, { seed: 8 })).not.toEqual(one);
    expect(one.method).toBe('bootstrap-95');
  });

  it('draws exactly the mulberry32 sequence for its seed', () => {
    const values = Array.from({ length: 37 }, (_, i) => i * i);
    for (const seed of [0, 1, -5, 2 ** 31 + 7]) {
      const random = mulberry32(seed);
      const resampled = Array.from(
        { length: values.length },
        () => values[Math.floor(random() * values.length)]!,
      );
      const interval = bootstrapMeanInterval(values, { seed, resamples: 1 });
      expect(interval.low).toBe(mean(resampled));
      expect(interval.high).toBe(mean(resampled));
    }
  });

  it('contains the mean and lies within [min, max]', () => {
    const interval = bootstrapMeanInterval(scores, { seed: 1 });
    expect(interval.low).toBeLessThanOrEqual(mean(scores));
    expect(interval.high).toBeGreaterThanOrEqual(mean(scores));
    expect(interval.low).toBeGreaterThanOrEqual(0);
    expect(interval.high).toBeLessThanOrEqual(1);
    expect(interval.low).toBeLessThan(interval.high);
  });

  it('narrows with a lower level and names it', () => {
    const wide = bootstrapMeanInterval(scores, { seed: 1 });
    const narrow = bootstrapMeanInterval(scores, { seed: 1, level: 0.5, resamples: 500 });
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
    expect(narrow.method).toBe('bootstrap-50');
  });

  it('is a point for constant values and NaN for none', () => {
    expect(bootstrapMeanInterval([0.5, 0.5], { seed: 1 })).toMatchObject({ low: 0.5, high: 0.5 });
    expect(bootstrapMeanInterval([], { seed: 1 }).low).toBeNaN();
  });
});

describe('pairedDifference', () => {
  it('is the mean of a − b with a deterministic interval containing it', () => {
    const a = [1, 1, 0.5, 1, 0];
    const b = [0.5, 1, 0, 1, 0];
    const result = pairedDifference(a, b, { seed: 3 });
    expect(result.mean).toBeCloseTo(0.2, 12);
    expect(result.n).toBe(5);
    expect(result.interval.low).toBeLessThanOrEqual(0.2);
    expect(result.interval.high).toBeGreaterThanOrEqual(0.2);
    expect(result.interval.low).toBeGreaterThanOrEqual(0);
    expect(result.interval.high).toBeLessThanOrEqual(0.5);
    expect(pairedDifference(a, b, { seed: 3 })).toEqual(result);
  });

  it('throws a RangeError on lists of different lengths (a caller bug)', () => {
    expect(() => pairedDifference([1], [1, 2], { seed: 1 })).toThrow(RangeError);
  });
});
