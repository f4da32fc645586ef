import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseScore } from '../../../../src/core/scoring/types.ts';
import { bootstrapMeanInterval } from '../../../../src/core/stats/bootstrapMeanInterval.ts';
import { mcnemarExact } from '../../../../src/core/stats/mcnemarExact.ts';
import { summarizeRun } from '../../../../src/core/stats/summarizeRun.ts';
import { wilsonInterval } from '../../../../src/core/stats/wilsonInterval.ts';
import { caseScore } from './caseScore.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const scoredCase = fc
  .record({ id: fc.string(), category: fc.constantFrom('a', 'b', 'c'), score: unit, error: fc.boolean() })
  .map(({ id, category, score, error }): CaseScore =>
    error ? caseScore(id, category, 0, { error: 'boom', passed: false }) : caseScore(id, category, score),
  );

describe('statistics properties', () => {
  it('summarizeRun: overall between the min and max case score, inside its interval; rates in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(scoredCase, { minLength: 1, maxLength: 40 }), fc.integer(), (drawn, seed) => {
        // One record per case id (records sharing an id are samples of one case).
        const cases = [...new Map(drawn.map((c) => [c.id, c])).values()];
        const summary = summarizeRun(cases, { seed, headline: 'punie' });
        const scores = cases.map((c) => c.score);
        const min = Math.min(...scores);
        const max = Math.max(...scores);
        const slack = 1e-12;
        expect(summary.overall).toBeGreaterThanOrEqual(min - slack);
        expect(summary.overall).toBeLessThanOrEqual(max + slack);
        expect(summary.overallInterval.low).toBeLessThanOrEqual(summary.overall + slack);
        expect(summary.overallInterval.high).toBeGreaterThanOrEqual(summary.overall - slack);
        expect(summary.overallInterval.low).toBeGreaterThanOrEqual(0);
        expect(summary.overallInterval.high).toBeLessThanOrEqual(1);
        if (summary.overallInterval.method.startsWith('bootstrap')) {
          // A percentile bootstrap never leaves the range of the data.
          expect(summary.overallInterval.low).toBeGreaterThanOrEqual(min - slack);
          expect(summary.overallInterval.high).toBeLessThanOrEqual(max + slack);
        }
        expect(summary.macro).toBeGreaterThanOrEqual(min - slack);
        expect(summary.macro).toBeLessThanOrEqual(max + slack);
        for (const rate of [summary.successRate, summary.passRate]) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        const categoryCount = summary.categories.reduce((n, category) => n + category.n, 0);
        expect(categoryCount).toBe(cases.length);
      }),
      { numRuns: 100 },
    );
  });

  it('wilsonInterval: 0 ≤ low ≤ p ≤ high ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, fraction) => {
          const successes = Math.round(fraction * n);
          const { low, high } = wilsonInterval(successes, n);
          expect(low).toBeGreaterThanOrEqual(0);
          expect(low).toBeLessThanOrEqual(successes / n + 1e-12);
          expect(high).toBeGreaterThanOrEqual(successes / n - 1e-12);
          expect(high).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('mcnemarExact: a p-value in (0, 1], symmetric in b and c', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), (b, c) => {
        const p = mcnemarExact(b, c);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(mcnemarExact(c, b)).toBe(p);
      }),
    );
  });

  it('bootstrapMeanInterval: low ≤ high, both within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 30 }), fc.integer(), (values, seed) => {
        const { low, high } = bootstrapMeanInterval(values, { seed, resamples: 200 });
        expect(low).toBeLessThanOrEqual(high);
        expect(low).toBeGreaterThanOrEqual(Math.min(...values) - 1e-12);
        expect(high).toBeLessThanOrEqual(Math.max(...values) + 1e-12);
      }),
      { numRuns: 100 },
    );
  });
});
