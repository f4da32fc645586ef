import type { CategorySummary, Interval, RunSummary, ScorerKind, Verdict } from '../scoring/types.ts';
import { bootstrapMeanInterval } from './bootstrapMeanInterval.ts';
import { DEFAULT_SEED } from './defaultSeed.ts';
import { wilsonInterval } from './wilsonInterval.ts';

/** Options of {@link summarizeRun}. */
export interface SummarizeRunOptions {
  /** Bootstrap seed; default {@link DEFAULT_SEED}, so the same run always gives the same numbers. */
  seed?: number;
}

/**
 * What {@link summarizeRun} reads of a scored case: a `CaseScore`, or a report's case record
 * (which has no `parsed` field), so stored runs summarise without re-scoring.
 */
export interface SummarizableCase {
  category: string;
  score: number;
  passed: boolean;
  verdicts: readonly Pick<Verdict, 'scorer' | 'score' | 'passed'>[];
  error?: string | undefined;
}

/**
 * Aggregates scored cases into a `RunSummary`, the numbers every view formats:
 *
 * - `overall` = mean of case scores (Punie's rule: over cases, not categories), with a seeded
 *   percentile bootstrap interval;
 * - `macro` = mean of the category means;
 * - `successRate` = cases without error / cases; `passRate` = passed / cases, Wilson interval;
 * - per category (in first-seen order): mean with bootstrap interval, n, passed, Wilson interval;
 * - per scorer: mean, n and passed over the cases where that scorer ran.
 *
 * An empty run gives 0 for every mean and rate with [0, 1] intervals (n = 0 says there was nothing).
 * Pure; never throws.
 */
export function summarizeRun(
  cases: readonly SummarizableCase[],
  options: SummarizeRunOptions = {},
): RunSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const n = cases.length;
  const byCategory = new Map<string, SummarizableCase[]>();
  const byScorer = new Map<ScorerKind, { sum: number; n: number; passed: number }>();
  let passed = 0;
  let successes = 0;
  for (const scored of cases) {
    if (scored.passed) passed += 1;
    if (scored.error === undefined) successes += 1;
    const members = byCategory.get(scored.category);
    if (members) members.push(scored);
    else byCategory.set(scored.category, [scored]);
    for (const verdict of scored.verdicts) {
      const tally = byScorer.get(verdict.scorer) ?? { sum: 0, n: 0, passed: 0 };
      tally.sum += verdict.score;
      tally.n += 1;
      if (verdict.passed) tally.passed += 1;
      byScorer.set(verdict.scorer, tally);
    }
  }

  const categories: Record<string, CategorySummary> = {};
  let categoryMeanSum = 0;
  for (const [category, members] of byCategory) {
    const scores = members.map((scored) => scored.score);
    const categoryPassed = members.filter((scored) => scored.passed).length;
    const categoryMean = sum(scores) / scores.length;
    categoryMeanSum += categoryMean;
    categories[category] = {
      mean: categoryMean,
      n: members.length,
      passed: categoryPassed,
      meanInterval: meanInterval(scores, seed),
      passRateInterval: wilsonInterval(categoryPassed, members.length),
    };
  }

  const scorers: RunSummary['scorers'] = {};
  for (const [kind, tally] of byScorer)
    scorers[kind] = { mean: tally.sum / tally.n, n: tally.n, passed: tally.passed };

  const scores = cases.map((scored) => scored.score);
  return {
    overall: n === 0 ? 0 : sum(scores) / n,
    overallInterval: meanInterval(scores, seed),
    macro: byCategory.size === 0 ? 0 : categoryMeanSum / byCategory.size,
    successRate: n === 0 ? 0 : successes / n,
    passRate: n === 0 ? 0 : passed / n,
    passRateInterval: wilsonInterval(passed, n),
    n,
    categories,
    scorers,
  };
}

function meanInterval(scores: readonly number[], seed: number): Interval {
  if (scores.length === 0) return { low: 0, high: 1, method: 'bootstrap-95' };
  return bootstrapMeanInterval(scores, { seed });
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
