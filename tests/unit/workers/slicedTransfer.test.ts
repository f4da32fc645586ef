import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinTransferSlices, sliceForTransfer } from '../../../src/workers/slicedTransfer.ts';

const PATHS = [['a', 'list'], ['b', 'c', 'list'], ['missing', 'list'], ['scalar']];

describe('sliced transfer', () => {
  it('rebuilds any object exactly from its skeleton and slices, after a structured clone of each', () => {
    fc.assert(
      fc.property(
        fc.record({
          a: fc.record({ list: fc.array(fc.jsonValue(), { maxLength: 40 }), other: fc.string() }),
          b: fc.record({ c: fc.record({ list: fc.array(fc.integer(), { maxLength: 40 }) }) }),
          scalar: fc.integer(),
        }),
        fc.integer({ min: 1, max: 7 }),
        (value, size) => {
          const before = structuredClone(value);
          const { skeleton, slices } = sliceForTransfer(value, PATHS, size);
          expect(value).toEqual(before); // the sender's object is untouched
          expect(skeleton.a.list).toEqual([]);
          expect(slices.every((s) => s.items.length <= size)).toBe(true);
          const received = joinTransferSlices(
            structuredClone(skeleton),
            PATHS,
            slices.map((s) => structuredClone(s)),
          );
          expect(received).toEqual(value);
        },
      ),
    );
  });

  it('refuses a slice that names no array instead of dropping it', () => {
    const { skeleton } = sliceForTransfer({ a: { list: [1] } }, PATHS);
    expect(() => joinTransferSlices(skeleton, PATHS, [{ path: 9, start: 0, items: [1] }])).toThrow(
      RangeError,
    );
    expect(() => joinTransferSlices(skeleton, PATHS, [{ path: 2, start: 0, items: [1] }])).toThrow(TypeError);
  });
});
