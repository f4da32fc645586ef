import * as v from 'valibot';

// Format 1 of the report (tabeval 0.1), kept only to read old files: upgradeReport.ts validates a
// format-1 report against this and converts it to the current format. Never written.

/** The identifier of report format 1. */
export const REPORT_V1_SCHEMA_ID = 'tabeval.report/1';

const finite = v.pipe(v.number(), v.finite());
const unit = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const nullableFinite = v.nullable(finite);

const IntervalSchema = v.object({ low: finite, high: finite, method: v.string() });

const UsageFiguresSchema = v.object({
  promptTokens: nullableFinite,
  completionTokens: nullableFinite,
  ttftMs: nullableFinite,
  prefillTps: nullableFinite,
  decodeTps: nullableFinite,
  e2eMs: nullableFinite,
});

const ScorerKindSchema = v.picklist(['punie', 'calls', 'answer', 'keywords']);

const VerdictSchema = v.object({
  scorer: ScorerKindSchema,
  score: unit,
  passed: v.boolean(),
  reasons: v.array(v.string()),
});

const CallFormatSchema = v.picklist(['tagged-json', 'tagged-xml', 'broken-xml', 'fenced-json']);

/** One case of a run: everything that explains its verdict. */
export const ReportCaseV1Schema = v.object({
  id: v.string(),
  category: v.string(),
  /** The raw model output; null when none was produced (engine error, not run). */
  output: v.nullable(v.string()),
  /** SHA-256 (hex) of the UTF-8 output, to spot output drift across devices. */
  outputHash: v.nullable(v.string()),
  error: v.optional(v.string()),
  calls: v.array(
    v.object({
      name: v.string(),
      arguments: v.record(v.string(), v.unknown()),
      format: CallFormatSchema,
      start: finite,
      end: finite,
    }),
  ),
  nearMisses: v.array(v.object({ kind: v.string(), start: finite, end: finite, detail: v.string() })),
  verdicts: v.array(VerdictSchema),
  score: unit,
  passed: v.boolean(),
  reasons: v.array(v.string()),
  usage: v.nullable(v.object({ reported: UsageFiguresSchema, measured: UsageFiguresSchema })),
  finishReason: v.nullable(v.picklist(['stop', 'length', 'abort', 'error', 'tool_calls'])),
  durationMs: nullableFinite,
});

const CategorySummarySchema = v.object({
  mean: unit,
  n: finite,
  passed: finite,
  meanInterval: IntervalSchema,
  passRateInterval: IntervalSchema,
});

const SummarySchema = v.object({
  overall: unit,
  overallInterval: IntervalSchema,
  macro: unit,
  successRate: unit,
  passRate: unit,
  passRateInterval: IntervalSchema,
  n: finite,
  categories: v.record(v.string(), CategorySummarySchema),
  scorers: v.record(v.string(), v.object({ mean: unit, n: finite, passed: finite })),
});

/** A format-1 report. */
export const ReportV1Schema = v.object({
  schema: v.literal(REPORT_V1_SCHEMA_ID),
  app: v.object({ name: v.literal('tabeval'), version: v.string() }),
  createdAt: v.string(),
  /** Where the outputs came from: a live engine, the CLI scoring given outputs, or a replay. */
  source: v.picklist(['webllm', 'outputs', 'replay']),
  suite: v.object({
    id: v.string(),
    version: v.string(),
    hash: v.string(),
    /** The suite itself (validated on use), so a report can be re-scored on its own. */
    content: v.unknown(),
  }),
  model: v.nullable(
    v.object({ id: v.string(), url: v.nullable(v.string()), libUrl: v.nullable(v.string()) }),
  ),
  engine: v.nullable(v.object({ name: v.string(), version: v.string() })),
  params: v.nullable(v.record(v.string(), v.unknown())),
  promptTemplateHash: v.nullable(v.string()),
  toolCallMode: v.nullable(v.picklist(['prompt', 'constrained'])),
  device: v.nullable(v.record(v.string(), v.unknown())),
  timings: v.object({
    startedAt: v.nullable(v.string()),
    finishedAt: v.nullable(v.string()),
    totalMs: nullableFinite,
    load: v.nullable(v.object({ ms: finite, fromCache: v.boolean(), bytesDownloaded: nullableFinite })),
  }),
  cases: v.array(ReportCaseV1Schema),
  summary: SummarySchema,
});

export type ReportV1 = v.InferOutput<typeof ReportV1Schema>;
