import { describe, expect, it } from 'vitest';
import { mcnemarExact } from '../../../../src/core/stats/mcnemarExact.ts';

describe('mcnemarExact', () => {
  it('(0, 5): 2 · (1/32) = 0.0625', () => {
    expect(mcnemarExact(0, 5)).toBeCloseTo(0.0625, 12);
    expect(mcnemarExact(5, 0)).toBeCloseTo(0.0625, 12);
  });

  it('(2, 8): 2 · (1 + 10 + 45) / 1024 = 0.109375', () => {
    expect(mcnemarExact(2, 8)).toBeCloseTo(0.109375, 12);
  });

  it('(3, 3): 2 · (1 + 6 + 15 + 20) / 64 = 1.3125, capped at 1', () => {
    expect(mcnemarExact(3, 3)).toBe(1);
  });

  it('no discordant pairs gives 1', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
  });

  it('does not underflow with thousands of discordant pairs', () => {
    const p = mcnemarExact(1000, 1100);
    expect(p).toBeGreaterThan(0.02);
    expect(p).toBeLessThan(0.04); // normal approximation: z = 100/√2100 ≈ 2.18, p ≈ 0.029
    expect(mcnemarExact(0, 2000)).toBe(0); // 2^-1999 is below the smallest double
  });
});
