import type { HeadlineRule } from '../scoring/headline.ts';
import type {
  CategorySummary,
  Interval,
  PassAtK,
  RunSummary,
  ScorerSummary,
  Verdict,
} from '../report/schema.ts';
import { passAtK, passKValues } from './passAtK.ts';
import { SCORER_KINDS, type ScorerKind } from '../scoring/registry.ts';
import { bootstrapMeanInterval } from './bootstrapMeanInterval.ts';
import { DEFAULT_SEED } from './defaultSeed.ts';
import { wilsonInterval } from './wilsonInterval.ts';

/** Options of {@link summarizeRun}. */
export interface SummarizeRunOptions {
  /** The suite's headline rule, recorded in the summary (case scores already follow it). */
  headline: HeadlineRule;
  /** Bootstrap seed; default {@link DEFAULT_SEED}, so the same run always gives the same numbers. */
  seed?: number;
  /** The k of pass@k to report besides 1 (those above a run's most samples per case are dropped). */
  passK?: readonly number[];
}

/** What {@link summarizeRun} reads of a case record: a scored case or a report's case record. */
export interface SummarizableCase {
  id: string;
  category: string;
  score: number;
  passed: boolean;
  verdicts: readonly Pick<Verdict, 'scorer' | 'score' | 'passed'>[];
  error?: string | undefined;
}

interface CaseTally {
  category: string;
  records: number;
  scoreSum: number;
  passed: number;
  errors: number;
}

/**
 * Aggregates case records into a `RunSummary`, the numbers every view formats. Records of one case
 * id are its samples: a case's score is the mean of its samples' scores and its pass fraction the
 * share of its samples that passed (unbiased pass@1), so a case counts once whatever its samples.
 *
 * - `overall` = mean of case scores (over cases, not categories: Punie's rule), with a Wilson
 *   interval when every case has one 0/1 score (pass rate, one sample), else a seeded bootstrap;
 * - `macro` = mean of the category means;
 * - `successRate` = records without engine error / records;
 * - `passRate` = mean pass fraction of the cases, interval as for `overall`;
 * - `passAtK` = for k = 1 and each chosen k up to the most samples of a case, the mean unbiased
 *   pass@k over the cases with at least k samples (Chen et al.), interval as for `overall`;
 * - per category (in first-seen order) and per scorer (registry order, over the records it ran on).
 *
 * An empty run gives 0 for every mean and rate with [0, 1] intervals (n = 0 says there was nothing).
 * Pure; never throws.
 */
export function summarizeRun(records: readonly SummarizableCase[], options: SummarizeRunOptions): RunSummary {
  const seed = options.seed ?? DEFAULT_SEED;
  const byCase = new Map<string, CaseTally>();
  const byScorer = new Map<ScorerKind, { sum: number; n: number; passed: number }>();
  let errors = 0;
  for (const record of records) {
    const tally = byCase.get(record.id) ?? {
      category: record.category,
      records: 0,
      scoreSum: 0,
      passed: 0,
      errors: 0,
    };
    tally.records += 1;
    tally.scoreSum += record.score;
    if (record.passed) tally.passed += 1;
    if (record.error !== undefined) {
      tally.errors += 1;
      errors += 1;
    }
    byCase.set(record.id, tally);
    for (const verdict of record.verdicts) {
      const scorer = byScorer.get(verdict.scorer) ?? { sum: 0, n: 0, passed: 0 };
      scorer.sum += verdict.score;
      scorer.n += 1;
      if (verdict.passed) scorer.passed += 1;
      byScorer.set(verdict.scorer, scorer);
    }
  }

  const cases = [...byCase.values()];
  const byCategory = new Map<string, CaseTally[]>();
  for (const tally of cases) {
    const members = byCategory.get(tally.category);
    if (members) members.push(tally);
    else byCategory.set(tally.category, [tally]);
  }

  const kValues = passKValues(options.passK ?? [], Math.max(0, ...cases.map((c) => c.records)));
  const categories: CategorySummary[] = [];
  for (const [name, members] of byCategory) {
    const figures = aggregate(members, seed);
    categories.push({
      name,
      n: members.length,
      records: sum(members.map((m) => m.records)),
      passed: sum(members.map((m) => m.passed)),
      mean: figures.mean,
      meanInterval: figures.meanInterval,
      passRate: figures.passRate,
      passRateInterval: figures.passRateInterval,
      passAtK: passAtKFigures(members, kValues, seed),
    });
  }

  const scorers: ScorerSummary[] = [...byScorer]
    .map(([kind, tally]) => ({ kind, n: tally.n, passed: tally.passed, mean: tally.sum / tally.n }))
    .sort((a, b) => scorerOrder(a.kind) - scorerOrder(b.kind));

  const figures = aggregate(cases, seed);
  return {
    headline: options.headline,
    overall: figures.mean,
    overallInterval: figures.meanInterval,
    macro: categories.length === 0 ? 0 : sum(categories.map((c) => c.mean)) / categories.length,
    successRate: records.length === 0 ? 0 : (records.length - errors) / records.length,
    passRate: figures.passRate,
    passRateInterval: figures.passRateInterval,
    passAtK: passAtKFigures(cases, kValues, seed),
    n: cases.length,
    records: records.length,
    categories,
    scorers,
  };
}

function scorerOrder(kind: ScorerKind): number {
  return (SCORER_KINDS as readonly string[]).indexOf(kind);
}

function aggregate(cases: readonly CaseTally[], seed: number) {
  const scores = cases.map((c) => c.scoreSum / c.records);
  const passFractions = cases.map((c) => c.passed / c.records);
  const mean = cases.length === 0 ? 0 : sum(scores) / cases.length;
  const passRate = cases.length === 0 ? 0 : sum(passFractions) / cases.length;
  return {
    mean,
    meanInterval: fractionInterval(scores, seed),
    passRate,
    passRateInterval: fractionInterval(passFractions, seed),
  };
}

function passAtKFigures(cases: readonly CaseTally[], kValues: readonly number[], seed: number): PassAtK[] {
  return kValues.map((k) => {
    const values = cases.filter((c) => c.records >= k).map((c) => passAtK(c.records, c.passed, k));
    return {
      k,
      n: values.length,
      value: values.length === 0 ? 0 : sum(values) / values.length,
      interval: fractionInterval(values, seed),
    };
  });
}

/** Wilson for a list of 0/1 values (a proportion), a seeded bootstrap for any other mean. */
function fractionInterval(values: readonly number[], seed: number): Interval {
  if (values.length === 0) return { low: 0, high: 1, method: 'wilson-95' };
  if (values.every((value) => value === 0 || value === 1)) {
    return wilsonInterval(values.filter((value) => value === 1).length, values.length);
  }
  return bootstrapMeanInterval(values, { seed });
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
