import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../../src/core/compare/compareRuns.ts';
import { caseScore } from '../stats/caseScore.ts';

describe('compareRuns', () => {
  const a = [
    caseScore('t1', 'tools', 1),
    caseScore('t2', 'tools', 1),
    caseScore('t3', 'tools', 0.5),
    caseScore('t4', 'tools', 0),
    caseScore('gone', 'tools', 1),
  ];
  const b = [
    caseScore('t4', 'tools', 1),
    caseScore('t3', 'tools', 1),
    caseScore('t2', 'tools', 0.5),
    caseScore('t1', 'tools', 1),
    caseScore('new', 'tools', 0),
  ];

  it('pairs by id and counts flips both ways', () => {
    const result = compareRuns(a, b);
    expect(result.paired).toBe(4);
    expect(result.b).toBe(1);
    expect(result.c).toBe(2);
    expect(result.passedOnlyInA).toEqual(['t2']);
    expect(result.passedOnlyInB).toEqual(['t3', 't4']);
    expect(result.onlyInA).toEqual(['gone']);
    expect(result.onlyInB).toEqual(['new']);
    // P(X ≤ 1), X ~ Bin(3, 1/2) = 4/8; two-sided = 1.
    expect(result.pValue).toBe(1);
  });

  it('reports the mean difference B − A with a deterministic bootstrap interval', () => {
    const result = compareRuns(a, b);
    // differences over t1..t4: 0, −0.5, 0.5, 1 → mean 0.25
    expect(result.difference.mean).toBeCloseTo(0.25, 12);
    expect(result.difference.n).toBe(4);
    expect(result.difference.interval.low).toBeLessThanOrEqual(0.25);
    expect(result.difference.interval.high).toBeGreaterThanOrEqual(0.25);
    expect(compareRuns(a, b)).toEqual(result);
    expect(compareRuns(a, b, { seed: 99 }).difference.mean).toBeCloseTo(0.25, 12);
  });

  it('uses the first occurrence of a duplicated id', () => {
    const result = compareRuns([caseScore('x', 'c', 1), caseScore('x', 'c', 0)], [caseScore('x', 'c', 0)]);
    expect(result.paired).toBe(1);
    expect(result.passedOnlyInA).toEqual(['x']);
  });

  it('handles runs with nothing in common', () => {
    const result = compareRuns([caseScore('a', 'c', 1)], [caseScore('b', 'c', 1)]);
    expect(result.paired).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.difference.mean).toBeNaN();
  });
});
