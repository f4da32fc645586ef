// Verdicts and summaries as reports store them; scoring and statistics infer their types from here.
import * as v from 'valibot';
import { ExecutionResultSchema } from '../execution/schema.ts';
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
  /** The exec scorer's execution: verdict, failing line, captured output and the code that ran. */
  execution: v.exactOptional(ExecutionResultSchema),
  /** Codes that do not change the verdict, e.g. where BFCL's checker would read the output differently. */
  notes: v.exactOptional(v.pipe(v.array(shortText()), v.maxLength(1000))),
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

/** Most k values of pass@k a summary holds. */
export const MAX_PASS_K_VALUES = 20;

/**
 * Unbiased pass@k over the `n` cases with at least k samples (Chen et al. 2021): the mean over those
 * cases of 1 − C(n−c, k)/C(n, k); pass@1 is the pass rate.
 */
export const PassAtKSchema = v.strictObject({
  k: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  n: count,
  value: unitInterval,
  interval: FractionIntervalSchema,
});

const PassAtKListSchema = v.pipe(
  v.array(PassAtKSchema),
  v.maxLength(MAX_PASS_K_VALUES),
  v.check(
    (list) => list.every((entry, i) => i === 0 || entry.k > (list[i - 1]?.k ?? 0)),
    'pass@k entries must have distinct k in ascending order',
  ),
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
  passAtK: PassAtKListSchema,
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
  passAtK: PassAtKListSchema,
  n: count,
  records: count,
  categories: v.array(CategorySummarySchema),
  scorers: v.array(ScorerSummarySchema),
});
