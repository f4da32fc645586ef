import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minCostAssignment } from '../../../../src/core/scoring/minCostAssignment.ts';

function totalCost(cost: number[][], columnOfRow: number[]): number {
  return columnOfRow.reduce((sum, col, row) => sum + cost[row]![col]!, 0);
}

function bruteForceMin(cost: number[][]): number {
  const k = cost.length;
  let best = Infinity;
  const permute = (row: number, used: boolean[], sum: number): void => {
    if (row === k) {
      best = Math.min(best, sum);
      return;
    }
    for (let col = 0; col < k; col += 1) {
      if (used[col]) continue;
      used[col] = true;
      permute(row + 1, used, sum + cost[row]![col]!);
      used[col] = false;
    }
  };
  permute(0, new Array<boolean>(k).fill(false), 0);
  return best;
}

describe('minCostAssignment', () => {
  it('handles the empty and the 1×1 matrix', () => {
    expect(minCostAssignment([])).toEqual([]);
    expect(minCostAssignment([[5]])).toEqual([0]);
  });

  it('finds the crossing assignment when it is cheaper', () => {
    expect(
      minCostAssignment([
        [9, 1, 9],
        [1, 9, 9],
        [9, 9, 1],
      ]),
    ).toEqual([1, 0, 2]);
  });

  it('returns a permutation of minimum total cost (checked against brute force)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((k) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: k, maxLength: k }), {
            minLength: k,
            maxLength: k,
          }),
        ),
        (cost) => {
          const assignment = minCostAssignment(cost);
          expect([...assignment].sort((a, b) => a - b)).toEqual(cost.map((_, i) => i));
          expect(totalCost(cost, assignment)).toBe(bruteForceMin(cost));
        },
      ),
      { numRuns: 200 },
    );
  });
});
