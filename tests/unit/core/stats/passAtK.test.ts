import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passAtK, passKValues } from '../../../../src/core/stats/passAtK.ts';

/** C(n, k) exactly. */
function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  for (let i = 0; i < k; i += 1) result = (result * BigInt(n - i)) / BigInt(i + 1);
  return result;
}

describe('unbiased pass@k', () => {
  it('equals 1 - C(n-c, k) / C(n, k), computed exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), (n, cRaw, kRaw) => {
        const c = cRaw % (n + 1);
        const k = (kRaw % n) + 1;
        const exact = 1 - Number((binomial(n - c, k) * 10n ** 15n) / binomial(n, k)) / 1e15;
        expect(passAtK(n, c, k)).toBeCloseTo(exact, 12);
      }),
    );
  });

  it('is c/n at k = 1, 1 when fewer than k samples failed, 0 when none passed', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 15);
    expect(passAtK(10, 8, 5)).toBe(1);
    expect(passAtK(10, 0, 5)).toBe(0);
    expect(passAtK(200, 1, 100)).toBeCloseTo(0.5, 12);
  });

  it('is NaN outside 1 <= k <= n and 0 <= c <= n', () => {
    expect(passAtK(5, 1, 6)).toBeNaN();
    expect(passAtK(5, 6, 1)).toBeNaN();
    expect(passAtK(5, 1, 0)).toBeNaN();
    expect(passAtK(5, 1.5, 1)).toBeNaN();
  });

  it('reports k = 1 and the chosen k up to the most samples, once each, ascending', () => {
    expect(passKValues([10, 5, 5, 200, 0, 2.5], 10)).toEqual([1, 5, 10]);
    expect(passKValues([], 1)).toEqual([1]);
  });
});
