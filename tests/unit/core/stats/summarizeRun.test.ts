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
const punie = { headline: 'punie' } as const;

describe('summarizeRun', () => {
  it('overall is the mean over cases, macro the mean over categories; the rule is recorded', () => {
    const summary = summarizeRun(run30B, punie);
    expect(summary).toMatchObject({ n: 7, records: 7, headline: 'punie' });
    expect(summary.overall).toBeCloseTo(5.25 / 7, 12);
    expect(summary.macro).toBeCloseTo((2.5 / 3 + 0.875 + 0.5) / 3, 12);
    expect(summary.macro).toBeCloseTo(0.7361, 4);
  });

  it('success rate counts errors; pass rate counts passes, with a Wilson interval', () => {
    const summary = summarizeRun(run30B, punie);
    expect(summary.successRate).toBeCloseTo(6 / 7, 12);
    expect(summary.passRate).toBeCloseTo(4 / 7, 12);
    expect(summary.passRateInterval.method).toBe('wilson-95');
    expect(summary.passRateInterval.low).toBeLessThan(4 / 7);
    expect(summary.passRateInterval.high).toBeGreaterThan(4 / 7);
  });

  it('summarises each category in first-seen order', () => {
    const summary = summarizeRun(run30B, punie);
    expect(summary.categories.map((c) => c.name)).toEqual(['tool_calling', 'code_generation', 'reasoning']);
    const tools = summary.categories[0]!;
    expect(tools.mean).toBeCloseTo(2.5 / 3, 12);
    expect(tools).toMatchObject({ n: 3, records: 3, passed: 2 });
    expect(tools.passRate).toBeCloseTo(2 / 3, 12);
    expect(tools.meanInterval.low).toBeGreaterThanOrEqual(0.5);
    expect(tools.meanInterval.high).toBeLessThanOrEqual(1);
    expect(tools.passRateInterval.method).toBe('wilson-95');
    expect(summary.categories[2]).toMatchObject({ name: 'reasoning', mean: 0.5, n: 2, passed: 1 });
  });

  it('keeps a category named like an Object.prototype member as an ordinary name', () => {
    const summary = summarizeRun(
      [caseScore('a', '__proto__', 1), caseScore('b', 'constructor', 0), caseScore('c', 'toString', 1)],
      punie,
    );
    expect(summary.categories.map((c) => [c.name, c.n])).toEqual([
      ['__proto__', 1],
      ['constructor', 1],
      ['toString', 1],
    ]);
  });

  it('summarises each scorer over the records it ran on, in registry order', () => {
    const cases = [
      caseScore('a', 'c', 1, { verdicts: [{ scorer: 'calls', score: 1, passed: true, reasons: [] }] }),
      caseScore('b', 'c', 0.5, {
        verdicts: [{ scorer: 'calls', score: 0.5, passed: false, reasons: ['extra_call'] }],
      }),
      caseScore('d', 'c', 1),
    ];
    const summary = summarizeRun(cases, punie);
    expect(summary.scorers).toEqual([
      { kind: 'punie', mean: 2.5 / 3, n: 3, passed: 2 },
      { kind: 'calls', mean: 0.75, n: 2, passed: 1 },
    ]);
  });

  it('counts the samples of a case once: its score and pass fraction are their means', () => {
    const summary = summarizeRun(
      [
        caseScore('a', 'c', 1),
        caseScore('a', 'c', 0, { passed: false }),
        caseScore('b', 'c', 1),
        caseScore('b', 'c', 1),
      ],
      { headline: 'pass_rate' },
    );
    expect(summary).toMatchObject({ n: 2, records: 4, overall: 0.75, passRate: 0.75 });
    expect(summary.categories[0]).toMatchObject({ n: 2, records: 4, passed: 3, passRate: 0.75 });
    // Pass fractions of 0.5 and 1 are not proportions of trials: a bootstrap, not Wilson.
    expect(summary.passRateInterval.method).toBe('bootstrap-95');
  });

  it('gives the same numbers for the same run (fixed default seed) and bounds the interval', () => {
    const summary = summarizeRun(run30B, punie);
    expect(summarizeRun(run30B, punie)).toEqual(summary);
    expect(summary.overallInterval.method).toBe('bootstrap-95');
    expect(summary.overallInterval.low).toBeLessThanOrEqual(summary.overall);
    expect(summary.overallInterval.high).toBeGreaterThanOrEqual(summary.overall);
    expect(summarizeRun(run30B, { ...punie, seed: 5 }).overall).toBe(summary.overall);
  });

  it('accepts report case records (no parsed calls) as well as CaseScores', () => {
    const records = [
      {
        id: 'x',
        category: 'a',
        score: 1,
        passed: true,
        verdicts: [{ scorer: 'punie' as const, score: 1, passed: true }],
      },
      { id: 'y', category: 'a', score: 0, passed: false, verdicts: [], error: 'timeout' },
    ];
    const summary = summarizeRun(records, { headline: 'pass_rate' });
    expect(summary).toMatchObject({ overall: 0.5, successRate: 0.5, passRate: 0.5 });
    expect(summary.scorers).toEqual([{ kind: 'punie', mean: 1, n: 1, passed: 1 }]);
  });

  it('an empty run gives zeros and [0, 1] intervals', () => {
    const summary = summarizeRun([], punie);
    expect(summary).toMatchObject({
      n: 0,
      records: 0,
      overall: 0,
      macro: 0,
      successRate: 0,
      passRate: 0,
      categories: [],
      scorers: [],
    });
    expect(summary.overallInterval).toMatchObject({ low: 0, high: 1 });
    expect(summary.passRateInterval).toMatchObject({ low: 0, high: 1 });
  });

  it('pass@k: unbiased per case, averaged over the cases with at least k samples, per category too', () => {
    const samples = (id: string, category: string, passes: boolean[]) =>
      passes.map((passed) => caseScore(id, category, passed ? 1 : 0));
    const records = [
      ...samples('a', 'lists', [true, false, false, true, false]),
      ...samples('b', 'lists', [false, false, false, false, false]),
      ...samples('c', 'strings', [true, true]),
    ];
    const summary = summarizeRun(records, { headline: 'pass_rate', passK: [2, 5, 50] });
    expect(summary.passAtK.map((p) => p.k)).toEqual([1, 2, 5]);
    const [at1, at2, at5] = summary.passAtK;
    expect(at1?.value).toBeCloseTo((2 / 5 + 0 + 1) / 3, 12);
    expect(at1?.value).toBeCloseTo(summary.passRate, 12);
    // a: 1 - C(3,2)/C(5,2) = 0.7; b: 0; c: 1.
    expect(at2?.value).toBeCloseTo((0.7 + 0 + 1) / 3, 12);
    // Only a and b have five samples: a passes some, so pass@5 = 1; b never.
    expect(at5).toMatchObject({ n: 2, value: 0.5 });
    expect(at2?.interval.method).toBe('bootstrap-95');
    expect(summary.categories.find((c) => c.name === 'strings')?.passAtK.map((p) => p.k)).toEqual([1, 2, 5]);
    expect(summary.categories.find((c) => c.name === 'strings')?.passAtK[2]).toMatchObject({
      n: 0,
      value: 0,
    });
  });
});
