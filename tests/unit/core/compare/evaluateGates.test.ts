import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../../../src/core/compare/evaluateGates.ts';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { caseKey } from '../../../../src/core/run/caseKey.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { createReplayEngine } from '../../../../src/engines/replay/createReplayEngine.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';

const suite = (id = 's'): Suite => ({
  id,
  version: '1',
  description: 'twenty cases',
  system_prompt: '',
  tools: [],
  cases: Array.from({ length: 20 }, (_, i) => ({
    id: `c${i}`,
    category: 'x',
    prompt: `case ${i}`,
    expected_keywords: [`answer ${i}`],
  })),
});

/** A report of `suite` where the cases `wrong` names fail. */
async function reportWith(wrong: (i: number) => boolean, s: Suite = suite()): Promise<Report> {
  const outputs = new Map(
    s.cases.map((c, i) => [caseKey(c.id, 0), { output: wrong(i) ? 'no idea' : `answer ${i}` }] as const),
  );
  return (await runSuite({ suite: s, engine: createReplayEngine(outputs), params: DEFAULT_PARAMS })).report;
}

describe('evaluateGates', () => {
  it('--min-score: fails below, passes at the line, and says both in words', async () => {
    const report = await reportWith((i) => i < 3); // 85 %
    const below = evaluateGates(report, { minScore: 0.9 });
    expect(below.kind).toBe('fail');
    expect(below.kind === 'fail' && below.reasons[0]).toBe(
      'overall 85.0 % against --min-score 90.0 %: below it',
    );
    expect(evaluateGates(report, { minScore: 0.85 }).kind).toBe('pass');
    expect(evaluateGates(report, {})).toEqual({ kind: 'pass', notes: [] });
  });

  it('a drop fails only beyond the allowance and when McNemar finds it significant', async () => {
    const baseline = await reportWith(() => false);
    const big = await reportWith((i) => i < 8); // 8 flips: p ≈ 0.008
    const small = await reportWith((i) => i < 3); // 3 flips: p = 0.25
    const bigVerdict = evaluateGates(big, { baseline, maxDropPoints: 2 });
    expect(bigVerdict.kind).toBe('fail');
    expect(bigVerdict.kind === 'fail' && bigVerdict.reasons[0]).toMatch(
      /-40\.0 points.*8 cases passed before.*significant at 0\.05/,
    );
    const smallVerdict = evaluateGates(small, { baseline, maxDropPoints: 2 });
    expect(smallVerdict.kind).toBe('pass');
    expect(smallVerdict.kind === 'pass' && smallVerdict.notes[0]).toMatch(/not significant at 0\.05/);
    expect(evaluateGates(big, { baseline, maxDropPoints: 45 }).kind).toBe('pass');
    // A stricter level makes the same drop pass.
    expect(evaluateGates(big, { baseline, maxDropPoints: 2, alpha: 0.001 }).kind).toBe('pass');
  });

  it('an improvement never fails', async () => {
    const baseline = await reportWith((i) => i < 8);
    const better = await reportWith(() => false);
    expect(evaluateGates(better, { baseline, maxDropPoints: 0 }).kind).toBe('pass');
  });

  it('a baseline of another suite cannot be judged case by case', async () => {
    const other = await reportWith(() => false, suite('other'));
    const verdict = evaluateGates(await reportWith(() => false), { baseline: other, maxDropPoints: 2 });
    expect(verdict.kind).toBe('error');
  });
});
