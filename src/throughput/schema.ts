import * as v from 'valibot';
import { DeviceBlockSchema } from '../core/report/deviceSchema.ts';
import { FinishReasonSchema, GenerationUsageSchema as UsageSchema } from '../core/report/usageSchema.ts';
import { milliseconds } from '../core/validation/fields.ts';

/** The benchmark result format's identifier; bumped on any incompatible change. */
export const BENCH_SCHEMA_ID = 'tabeval.bench/1';

const finite = v.pipe(v.number(), v.finite());
const nullableFinite = v.nullable(finite);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const positiveCount = v.pipe(v.number(), v.integer(), v.minValue(1));
const shortText = v.pipe(v.string(), v.maxLength(2000));

/** Descriptive statistics of one figure over the repetitions of a test. */
export const BenchStatsSchema = v.object({
  n: positiveCount,
  median: finite,
  mean: finite,
  /** Sample standard deviation (n − 1); null for a single sample. */
  sd: nullableFinite,
  min: finite,
  max: finite,
  /** (max − min) / median; null for a single sample or a zero median. */
  spread: nullableFinite,
  /** Coefficient of variation, sd / mean; null where sd is. */
  cv: nullableFinite,
});

/** One timed repetition, with the engine's raw usage. */
export const BenchSampleSchema = v.object({
  repetition: positiveCount,
  /** Wall clock of the whole generate() call, as the protocol saw it. */
  durationMs: milliseconds,
  finishReason: FinishReasonSchema,
  usage: UsageSchema,
  /** Actual prompt tokens (WebLLM's count). */
  promptTokens: nullableFinite,
  completionTokens: nullableFinite,
  /** Time to first token: ours, else WebLLM's. */
  ttftMs: nullableFinite,
  /** The test's tokens/s: ours and WebLLM's. */
  tps: v.object({ measured: nullableFinite, reported: nullableFinite }),
});

/** An untimed generation: the warm-up (shader compilation) and the prompt-size calibration. */
export const BenchUntimedSchema = v.object({
  phase: v.picklist(['warmup', 'calibration']),
  durationMs: milliseconds,
  finishReason: FinishReasonSchema,
  usage: UsageSchema,
});

export const BenchTestSchema = v.object({
  /** llama-bench's name: `pp512`, `tg128`. */
  name: shortText,
  kind: v.picklist(['pp', 'tg']),
  /** Nominal tokens: prompt tokens asked for (pp) or tokens to generate (tg). */
  tokens: positiveCount,
  samples: v.array(BenchSampleSchema),
  /** Ours: pp = promptTokens / TTFT; tg = (completion tokens − 1) / (t_last − t_first). */
  measured: v.nullable(BenchStatsSchema),
  /** WebLLM's usage.extra: prefill_tokens_per_s (pp), decode_tokens_per_s (tg). */
  reported: v.nullable(BenchStatsSchema),
  ttftMs: v.nullable(BenchStatsSchema),
  /** Medians of the actual token counts. */
  promptTokens: nullableFinite,
  completionTokens: nullableFinite,
});

export const BenchFlagSchema = v.object({
  kind: v.picklist([
    'fallback-adapter',
    'disagreement',
    'spread',
    'short-output',
    'prompt-size',
    'synthetic',
  ]),
  /** The test it concerns (`pp512`), or null for the whole result. */
  test: v.nullable(shortText),
  /** The measured quantity (a fraction for disagreement and spread), when there is one. */
  value: nullableFinite,
  message: shortText,
});

/** One model load: cold (weights downloaded) or warm (weights from the browser cache). */
export const LoadRecordSchema = v.object({
  ms: milliseconds,
  bytesDownloaded: nullableFinite,
  /** When it was first seen (ISO). */
  seenAt: shortText,
});

export const LoadRecordsSchema = v.object({
  cold: v.nullable(LoadRecordSchema),
  warm: v.nullable(LoadRecordSchema),
});

export const BenchModelSchema = v.object({
  id: shortText,
  /** MLC quantisation code (`q4f16_1`); null when unknown. */
  quantization: v.nullable(shortText),
  /** Weight bytes (download size); null when unknown. */
  sizeBytes: nullableFinite,
  /** True when sizeBytes is an estimate (params × bits) rather than a measured download. */
  sizeIsEstimate: v.boolean(),
  params: nullableFinite,
  paramsLabel: v.nullable(shortText),
});

/**
 * A benchmark result (`tabeval.bench/1`): settings, model, device, every raw sample, the
 * statistics and the flags. Types are inferred from this schema, never kept beside it.
 */
export const BenchResultSchema = v.object({
  schema: v.literal(BENCH_SCHEMA_ID),
  app: v.object({ name: v.literal('tabeval'), version: shortText }),
  createdAt: shortText,
  status: v.picklist(['complete', 'aborted', 'failed']),
  error: v.nullable(v.object({ name: shortText, message: shortText })),
  engine: v.object({ name: shortText, version: shortText, synthetic: v.boolean() }),
  model: BenchModelSchema,
  settings: v.object({
    promptTokens: positiveCount,
    genTokens: positiveCount,
    repetitions: positiveCount,
    temperature: finite,
    seed: finite,
    disagreementThreshold: finite,
    spreadThreshold: finite,
  }),
  /** How the pp prompt was built: a fixed sentence repeated; see benchPrompt.ts. */
  prompt: v.object({
    repeats: count,
    tokensPerRepeat: nullableFinite,
    overheadTokens: nullableFinite,
    calibrated: v.boolean(),
  }),
  device: v.nullable(DeviceBlockSchema),
  load: LoadRecordsSchema,
  untimed: v.array(BenchUntimedSchema),
  tests: v.array(BenchTestSchema),
  flags: v.array(BenchFlagSchema),
  totalMs: finite,
});

export type BenchResult = v.InferOutput<typeof BenchResultSchema>;
export type BenchTest = v.InferOutput<typeof BenchTestSchema>;
export type BenchSample = v.InferOutput<typeof BenchSampleSchema>;
export type BenchUntimed = v.InferOutput<typeof BenchUntimedSchema>;
export type BenchStats = v.InferOutput<typeof BenchStatsSchema>;
export type BenchFlag = v.InferOutput<typeof BenchFlagSchema>;
export type BenchModel = v.InferOutput<typeof BenchModelSchema>;
export type { DeviceBlock } from '../core/report/schema.ts';
export type LoadRecord = v.InferOutput<typeof LoadRecordSchema>;
export type LoadRecords = v.InferOutput<typeof LoadRecordsSchema>;
