import { describe, expect, it } from 'vitest';
import { parsePassK } from '../../../../src/ui/runs/parsePassK.ts';

describe("the run page's pass@k field", () => {
  it('reads k values separated by commas or spaces, ascending, once each, without 1', () => {
    expect(parsePassK('10, 5 5,1', 10)).toEqual({ ok: true, values: [5, 10] });
    expect(parsePassK('', 10)).toEqual({ ok: true, values: [] });
  });

  it('says what is wrong with a value', () => {
    expect(parsePassK('5, x', 10)).toEqual({ ok: false, error: '"x" is not a whole number' });
    expect(parsePassK('20', 10)).toEqual({ ok: false, error: 'k = 20 needs at least 20 samples per case' });
    expect(parsePassK('0', 10)).toEqual({ ok: false, error: 'k must be at least 1' });
    expect(parsePassK('2.5', 10).ok).toBe(false);
  });
});
