import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../../../src/core/stats/summarizeRun.ts';
import { caseScore } from './caseScore.ts';

// The seed's 30B row as case scores: code 1 + 0.75, reasoning 1 + 0, tools 1 + 1 + 0.5.
const run30B = [
  caseScore('tool-01', 'tool_calling', 1),
  caseScore('tool-02', 'tool_calling', 1),
  caseScore('tool-03', 'tool_calling', 0.5),
  caseScore('code-01', 'code_generation', 1),
  caseScore('code-02', 'code_generation', 0.75),
  caseScore('reason-01', 'reasoning', 1),
  caseScore('reason-02', 'reasoning', 0, { error: 'timeout' }),
];

describe('summarizeRun', () => {
  it('overall is the mean over cases, macro the mean over categories', () => {
    const summary = summarizeRun(run30B);
    expect(summary.n).toBe(7);
    expect(summary.overall).toBeCloseTo(5.25 / 7, 12);
    expect(summary.macro).toBeCloseTo((2.5 / 3 + 0.875 + 0.5) / 3, 12);
    expect(summary.macro).toBeCloseTo(0.7361, 4);
  });

  it('success rate counts errors; pass rate counts passes, with a Wilson interval', () => {
    const summary = summarizeRun(run30B);
    expect(summary.successRate).toBeCloseTo(6 / 7, 12);
    expect(summary.passRate).toBeCloseTo(4 / 7, 12);
    expect(summary.passRateInterval.method).toBe('wilson-95');
    expect(summary.passRateInterval.low).toBeLessThan(4 / 7);
    expect(summary.passRateInterval.high).toBeGreaterThan(4 / 7);
  });

  it('summarises each category in first-seen order', () => {
    const summary = summarizeRun(run30B);
    expect(Object.keys(summary.categories)).toEqual(['tool_calling', 'code_generation', 'reasoning']);
    const tools = summary.categories['tool_calling']!;
    expect(tools.mean).toBeCloseTo(2.5 / 3, 12);
    expect(tools.n).toBe(3);
    expect(tools.passed).toBe(2);
    expect(tools.meanInterval.low).toBeGreaterThanOrEqual(0.5);
    expect(tools.meanInterval.high).toBeLessThanOrEqual(1);
    expect(tools.passRateInterval.method).toBe('wilson-95');
    expect(summary.categories['reasoning']).toMatchObject({ mean: 0.5, n: 2, passed: 1 });
  });

  it('summarises each scorer over the cases it ran on', () => {
    const cases = [
      caseScore('a', 'c', 1, { verdicts: [{ scorer: 'calls', score: 1, passed: true, reasons: [] }] }),
      caseScore('b', 'c', 0.5, {
        verdicts: [{ scorer: 'calls', score: 0.5, passed: false, reasons: ['extra_call'] }],
      }),
      caseScore('d', 'c', 1),
    ];
    const summary = summarizeRun(cases);
    expect(summary.scorers.punie).toEqual({ mean: 2.5 / 3, n: 3, passed: 2 });
    expect(summary.scorers.calls).toEqual({ mean: 0.75, n: 2, passed: 1 });
    expect(summary.scorers.answer).toBeUndefined();
  });

  it('gives the same numbers for the same run (fixed default seed) and bounds the interval', () => {
    const summary = summarizeRun(run30B);
    expect(summarizeRun(run30B)).toEqual(summary);
    expect(summary.overallInterval.method).toBe('bootstrap-95');
    expect(summary.overallInterval.low).toBeLessThanOrEqual(summary.overall);
    expect(summary.overallInterval.high).toBeGreaterThanOrEqual(summary.overall);
    expect(summarizeRun(run30B, { seed: 5 }).overall).toBe(summary.overall);
  });

  it('accepts report case records (no parsed calls) as well as CaseScores', () => {
    const records = [
      {
        category: 'a',
        score: 1,
        passed: true,
        verdicts: [{ scorer: 'punie' as const, score: 1, passed: true }],
      },
      { category: 'a', score: 0, passed: false, verdicts: [], error: 'timeout' },
    ];
    const summary = summarizeRun(records);
    expect(summary).toMatchObject({ overall: 0.5, successRate: 0.5, passRate: 0.5 });
    expect(summary.scorers.punie).toEqual({ mean: 1, n: 1, passed: 1 });
  });

  it('an empty run gives zeros and [0, 1] intervals', () => {
    const summary = summarizeRun([]);
    expect(summary).toMatchObject({
      n: 0,
      overall: 0,
      macro: 0,
      successRate: 0,
      passRate: 0,
      categories: {},
      scorers: {},
    });
    expect(summary.overallInterval).toMatchObject({ low: 0, high: 1 });
    expect(summary.passRateInterval).toMatchObject({ low: 0, high: 1 });
  });
});
