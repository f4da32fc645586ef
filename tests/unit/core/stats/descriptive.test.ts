import { describe, expect, it } from 'vitest';
import { mean } from '../../../../src/core/stats/mean.ts';
import { median } from '../../../../src/core/stats/median.ts';
import { quantileSorted } from '../../../../src/core/stats/quantileSorted.ts';
import { stddev } from '../../../../src/core/stats/stddev.ts';

describe('mean / median / stddev', () => {
  it('mean of hand-picked values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([6.5 / 7])).toBeCloseTo(0.928571, 6);
    expect(mean([])).toBeNaN();
  });

  it('median of odd and even counts, without sorting the input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 2])).toBe(6); // numeric, not lexicographic, order
    expect(median([])).toBeNaN();
  });

  it('stddev is the sample standard deviation (n − 1)', () => {
    // mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, 32/7 = 4.5714…, sqrt = 2.13809…
    expect(stddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(stddev([1, 3])).toBeCloseTo(Math.SQRT2, 12);
    expect(stddev([3, 3, 3])).toBe(0);
    expect(stddev([1])).toBeNaN();
    expect(stddev([])).toBeNaN();
  });

  it('quantileSorted interpolates linearly (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
