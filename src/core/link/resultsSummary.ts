import * as v from 'valibot';
import { linkText } from './linkFields.ts';
import {
  MaxTokensSchema,
  SeedSchema,
  TemperatureSchema,
  ToolCallModeSchema,
  TopPSchema,
} from '../report/paramsSchema.ts';
import { sha256HexText as Sha256HexSchema } from '../validation/fields.ts';

/**
 * The engine kinds a results link can name. `replay` is read from links of the first release (a
 * re-scored report); links now name the kind of engine that produced the outputs.
 */
export const LINK_SOURCES = ['webllm', 'outputs', 'replay', 'endpoint'] as const;

/** The results-link format version this code writes and reads (the first byte of the payload). */
export const RESULTS_LINK_VERSION = 1;

/** Characters kept of each output hash: 8 hex digits (32 bits) tell drifted outputs apart. */
export const OUTPUT_HASH_PREFIX_CHARS = 8;

/** Largest suite a results link describes. */
export const MAX_LINK_CASES = 20000;

/** Longest texts a summary keeps (longer ones are cut when a report is summarised). */
export const LINK_TEXT_LIMITS = {
  id: 200,
  version: 100,
  category: 100,
  method: 40,
  device: 200,
  date: 64,
} as const;

const finite = v.pipe(v.number('expected a number'), v.finite('must be a finite number'));
const unit = v.pipe(finite, v.minValue(0, 'must be at least 0'), v.maxValue(1, 'must be at most 1'));
const count = v.pipe(
  v.number('expected a count'),
  v.safeInteger('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);
const nonNegative = v.pipe(finite, v.minValue(0, 'must not be negative'));
// The report's own bounds (validation/fields.ts): a link cannot carry a speed of 1e308 either.
const speed = v.pipe(nonNegative, v.maxValue(1e7, 'must be at most 10,000,000 tokens/s'));
const duration = v.pipe(nonNegative, v.maxValue(3.2e10, 'must be at most a year in milliseconds'));
const IntervalSchema = v.pipe(
  v.object({
    low: unit,
    high: unit,
    method: linkText('an interval method', LINK_TEXT_LIMITS.method, 0),
  }),
  v.check((i) => i.low <= i.high, 'the low end of an interval is above its high end'),
);

const CaseBitsSchema = v.object({
  /** Pass/fail of the suite's case at this position; null when the run did not reach it. */
  passed: v.nullable(v.boolean('expected true or false')),
  /** The first 8 hex digits of the output's SHA-256; null when there was no output. */
  output: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/, 'is not 8 lowercase hex characters'))),
});

/**
 * What a results link carries: a summary of one report, not the report. Scores and intervals as
 * the report stored them (exact doubles), per-case pass/fail and output-hash prefixes in suite
 * order (re-associated with case ids through the suite hash), median speeds, device, model, suite,
 * parameters and date. Validated field by field when a link is read.
 */
export const ResultsSummarySchema = v.pipe(
  v.object({
    createdAt: linkText('a date', LINK_TEXT_LIMITS.date, 0),
    source: v.picklist(LINK_SOURCES, 'must be webllm, endpoint, outputs or replay'),
    suite: v.object({
      id: linkText('a suite id', LINK_TEXT_LIMITS.id, 0),
      version: linkText('a suite version', LINK_TEXT_LIMITS.version, 0),
      hash: Sha256HexSchema,
      caseCount: v.pipe(count, v.maxValue(MAX_LINK_CASES, `must be at most ${MAX_LINK_CASES}`)),
    }),
    model: v.nullable(v.object({ id: linkText('a model id', LINK_TEXT_LIMITS.id, 0) })),
    /** SHA-256 of the prompt template; output drift is only meaningful under the same template. */
    promptTemplateHash: v.nullable(Sha256HexSchema),
    params: v.nullable(
      v.object({
        temperature: v.nullable(TemperatureSchema),
        top_p: v.nullable(TopPSchema),
        max_tokens: v.nullable(MaxTokensSchema),
        seed: v.nullable(SeedSchema),
        tool_call_mode: v.nullable(ToolCallModeSchema),
      }),
    ),
    device: v.nullable(
      v.object({
        vendor: linkText('a GPU vendor', LINK_TEXT_LIMITS.device, 0),
        architecture: linkText('a GPU architecture', LINK_TEXT_LIMITS.device, 0),
        isFallbackAdapter: v.nullable(v.boolean('expected true or false')),
        label: linkText('a device label', LINK_TEXT_LIMITS.device, 0),
      }),
    ),
    overall: unit,
    overallInterval: IntervalSchema,
    macro: unit,
    passRate: unit,
    passRateInterval: IntervalSchema,
    successRate: unit,
    n: count,
    categories: v.array(
      v.object({
        name: linkText('a category', LINK_TEXT_LIMITS.category, 0),
        mean: unit,
        n: count,
        passed: count,
        meanInterval: IntervalSchema,
      }),
    ),
    speed: v.object({
      decodeTps: v.nullable(speed),
      prefillTps: v.nullable(speed),
      ttftMs: v.nullable(duration),
      loadMs: v.nullable(duration),
    }),
    cases: v.array(CaseBitsSchema),
  }),
  v.check((s) => s.cases.length === s.suite.caseCount, 'the per-case bits do not match the case count'),
  v.check((s) => s.categories.every((c) => c.passed <= c.n), 'a category says more cases passed than it has'),
  v.check((s) => s.n <= s.suite.caseCount, 'the summary counts more cases than the suite has'),
  v.check(
    (s) => new Set(s.categories.map((c) => c.name)).size === s.categories.length,
    'a category is listed twice',
  ),
);

/** The decoded, validated content of a results link. */
export type ResultsSummary = v.InferOutput<typeof ResultsSummarySchema>;

/** The parameters part of a {@link ResultsSummary}. */
export type SummaryParams = NonNullable<ResultsSummary['params']>;
