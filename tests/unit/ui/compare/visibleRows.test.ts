import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleRows } from '../../../../src/ui/compare/visibleRows.ts';

describe('visibleRows', () => {
  it('renders every row of a short list', () => {
    expect(visibleRows(500, 400, 44, 100)).toEqual({ start: 0, end: 100 });
  });

  it('renders the rows on screen and a margin of a long list', () => {
    // 400 px from 4400 px: rows 100 to 109, 12 more either side.
    expect(visibleRows(4400, 400, 44, 5000)).toEqual({ start: 88, end: 122 });
    expect(visibleRows(0, 400, 44, 5000)).toEqual({ start: 0, end: 22 });
    expect(visibleRows(44 * 5000, 400, 44, 5000)).toEqual({ start: 4988, end: 5000 });
  });

  it('always covers the rows on screen, within the list, and stays small', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 500_000 }),
        (count, viewport, scrollTop) => {
          const { start, end } = visibleRows(scrollTop, viewport, 44, count);
          expect(0 <= start && start <= end && end <= count).toBe(true);
          const firstOnScreen = Math.min(Math.floor(scrollTop / 44), count - 1);
          if (count > 0 && firstOnScreen >= 0)
            expect(start <= firstOnScreen && firstOnScreen < end).toBe(true);
          if (count > 150)
            expect(end - start).toBeLessThanOrEqual(Math.ceil(Math.max(viewport, 44) / 44) + 26);
        },
      ),
    );
  });
});
