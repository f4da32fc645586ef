// Verdicts and summaries as reports store them; scoring and statistics infer their types from here.
import * as v from 'valibot';
import { SCORER_KINDS } from '../scoring/registry.ts';
import { HeadlineRuleSchema } from '../scoring/headline.ts';
import { count, finiteNumber, shortText, unitInterval } from '../validation/fields.ts';

export const ScorerKindSchema = v.picklist(SCORER_KINDS);

/** One scorer's verdict on one case: a score in [0, 1], pass/fail and a code per failure. */
export const VerdictSchema = v.strictObject({
  scorer: ScorerKindSchema,
  score: unitInterval,
  passed: v.boolean(),
  reasons: v.pipe(v.array(shortText()), v.maxLength(1000)),
});

/**
 * A two-sided interval and how it was computed: `wilson-95` (Wilson score, for a pass rate),
 * `bootstrap-95` (seeded percentile bootstrap, for a mean score).
 */
export const IntervalSchema = v.pipe(
  v.strictObject({
    low: finiteNumber,
    high: finiteNumber,
    method: v.pipe(
      v.string(),
      v.regex(/^(?:wilson|bootstrap)-[\w.]{1,12}$/, 'expected an interval method such as "wilson-95"'),
    ),
  }),
  v.check((i) => i.low <= i.high, 'the low end of an interval is above its high end'),
);

/** An interval of a fraction: both ends in [0, 1]. */
const FractionIntervalSchema = v.pipe(
  IntervalSchema,
  v.check((i) => i.low >= 0 && i.high <= 1, 'an interval of a fraction must lie within [0, 1]'),
);

/** One category of a run: its cases' mean score and pass count, each with an interval. */
export const CategorySummarySchema = v.strictObject({
  name: shortText(500),
  /** Cases, and their records (more than the cases with several samples). */
  n: count,
  records: count,
  /** Records that passed. */
  passed: count,
  mean: unitInterval,
  meanInterval: FractionIntervalSchema,
  /** Mean pass fraction of its cases (the pass rate; pass@1 with samples). */
  passRate: unitInterval,
  passRateInterval: FractionIntervalSchema,
});

/** One scorer over the records it ran on: how many, how many passed, the mean score. */
export const ScorerSummarySchema = v.strictObject({
  kind: ScorerKindSchema,
  n: count,
  passed: count,
  mean: unitInterval,
});

/**
 * The aggregates of a run; views format these, they never recompute them. `overall` is the suite's
 * headline figure under `headline`'s rule (a case's `score` is its headline score); `macro` the
 * mean of the category means; `successRate` the cases without an engine error; `passRate` the cases
 * passing every scorer. `n` counts cases, `records` case records (several per case with samples).
 */
export const RunSummarySchema = v.strictObject({
  headline: HeadlineRuleSchema,
  overall: unitInterval,
  overallInterval: FractionIntervalSchema,
  macro: unitInterval,
  successRate: unitInterval,
  passRate: unitInterval,
  passRateInterval: FractionIntervalSchema,
  n: count,
  records: count,
  categories: v.array(CategorySummarySchema),
  scorers: v.array(ScorerSummarySchema),
});
