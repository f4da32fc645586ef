import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../../src/core/stats/wilsonInterval.ts';

// Hand-computed with z = 1.96, z² = 3.8416:
// 6/7:  centre = (6/7 + 0.2744) / 1.5488 = 0.730593; half = 1.96/1.5488 · √(0.017493 + 0.0196) = 0.243728
// 0/10: high = (z²/n) / (1 + z²/n) = 0.38416 / 1.38416 = 0.277540
// 10/10: low = 1 / 1.38416 = 0.722460
describe('wilsonInterval', () => {
  it('6 of 7', () => {
    const interval = wilsonInterval(6, 7);
    expect(interval.low).toBeCloseTo(0.486865, 5);
    expect(interval.high).toBeCloseTo(0.974321, 5);
    expect(interval.method).toBe('wilson-95');
  });

  it('0 of 10 starts at exactly 0', () => {
    const interval = wilsonInterval(0, 10);
    expect(interval.low).toBe(0);
    expect(interval.high).toBeCloseTo(0.27754, 5);
  });

  it('10 of 10 ends at exactly 1', () => {
    const interval = wilsonInterval(10, 10);
    expect(interval.low).toBeCloseTo(0.72246, 5);
    expect(interval.high).toBe(1);
  });

  it('n = 0 gives [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1, method: 'wilson-95' });
  });

  it('is narrower for a smaller z and names it', () => {
    const wide = wilsonInterval(6, 7);
    const narrow = wilsonInterval(6, 7, 1);
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
    expect(narrow.method).toBe('wilson-z1');
  });
});
