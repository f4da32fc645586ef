// The report format (`tabeval.report/2`), as valibot schemas: the single definition of every part of
// a report. Types across the code are inferred from these; the JSON Schema file is generated from
// them (scripts/gen-report-schema.ts); reports of format 1 are upgraded on import (upgradeReport.ts).
import * as v from 'valibot';
import { ScoringSettingsSchema } from '../execution/schema.ts';
import {
  byteCount,
  count,
  isoDateTime,
  milliseconds,
  sha256HexText,
  shortText,
  unitInterval,
} from '../validation/fields.ts';
import { DeviceBlockSchema } from './deviceSchema.ts';
import { GenerationParamsSchema } from './paramsSchema.ts';
import { NearMissSchema, ToolCallSchema } from './parsedSchema.ts';
import { SourceSchema } from './sourceSchema.ts';
import { FinishReasonSchema, GenerationUsageSchema } from './usageSchema.ts';
import { RunSummarySchema, VerdictSchema } from './verdictSchema.ts';

/** The report format's identifier; bumped on any incompatible change. */
export const REPORT_SCHEMA_ID = 'tabeval.report/2';

/** One case record of a run (one per case and sample): everything that explains its verdict. */
export const ReportCaseSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  /** 0 for the first (or only) sample of the case. */
  sample: count,
  category: v.pipe(v.string(), v.maxLength(500)),
  /** SHA-256 of the messages and tools the case sent: what a replay checks its suite against. */
  messagesHash: v.nullable(sha256HexText),
  /** The raw model output; null when none was produced (engine error, time limit). */
  output: v.nullable(v.string()),
  /** SHA-256 of the UTF-8 output, to spot output drift across devices. */
  outputHash: v.nullable(sha256HexText),
  error: v.exactOptional(shortText(4000)),
  calls: v.array(ToolCallSchema),
  nearMisses: v.array(NearMissSchema),
  verdicts: v.array(VerdictSchema),
  /** The case's headline score (the suite's rule; see the summary's `headline`). */
  score: unitInterval,
  /** Every verdict passed and there was no engine error. */
  passed: v.boolean(),
  /** Every failing verdict's reasons prefixed by scorer (`calls:missing_required:path`), then `error:…`. */
  reasons: v.pipe(v.array(shortText(4000)), v.maxLength(2000)),
  usage: v.nullable(GenerationUsageSchema),
  finishReason: v.nullable(FinishReasonSchema),
  durationMs: v.nullable(milliseconds),
});

/** The timings of a run. */
export const TimingsSchema = v.strictObject({
  startedAt: v.nullable(isoDateTime),
  finishedAt: v.nullable(isoDateTime),
  totalMs: v.nullable(milliseconds),
  /** The model load before the run: cold (downloaded) or warm (from the browser cache). */
  load: v.nullable(
    v.strictObject({ ms: milliseconds, fromCache: v.boolean(), bytesDownloaded: v.nullable(byteCount) }),
  ),
});

/**
 * A report (`tabeval.report/2`): the one object every view, export and comparison is derived from.
 * `app`, `createdAt`, `source`, `device`, `params` and `timings` describe the recorded run and are
 * kept when it is re-scored; `rescored` says when and by which tabeval its verdicts were recomputed.
 */
export const ReportSchema = v.strictObject({
  schema: v.literal(REPORT_SCHEMA_ID),
  app: v.strictObject({ name: v.literal('tabeval'), version: shortText(100) }),
  createdAt: isoDateTime,
  rescored: v.nullable(v.strictObject({ at: isoDateTime, appVersion: shortText(100) })),
  source: SourceSchema,
  suite: v.strictObject({
    id: shortText(500),
    version: shortText(200),
    hash: sha256HexText,
    /** The suite itself (validated on use), so a report can be re-scored on its own. */
    content: v.unknown(),
  }),
  params: GenerationParamsSchema,
  /** SHA-256 of the prompt template the tools block was rendered with. */
  promptTemplateHash: v.nullable(sha256HexText),
  device: v.nullable(DeviceBlockSchema),
  timings: TimingsSchema,
  /** pass@k's k values, the execution time limit and the sandbox (absent: the defaults, nothing executed). */
  scoring: v.exactOptional(ScoringSettingsSchema),
  cases: v.array(ReportCaseSchema),
  summary: RunSummarySchema,
});

export type Report = v.InferOutput<typeof ReportSchema>;
export type ReportCase = v.InferOutput<typeof ReportCaseSchema>;
export type ReportSource = v.InferOutput<typeof SourceSchema>;
export type ReportTimings = v.InferOutput<typeof TimingsSchema>;
export type DeviceBlock = v.InferOutput<typeof DeviceBlockSchema>;
export type GenerationParams = v.InferOutput<typeof GenerationParamsSchema>;
export type GenerationUsage = v.InferOutput<typeof GenerationUsageSchema>;
export type UsageFigures = GenerationUsage['reported'];
export type FinishReason = v.InferOutput<typeof FinishReasonSchema>;
export type Verdict = v.InferOutput<typeof VerdictSchema>;
export type RunSummary = v.InferOutput<typeof RunSummarySchema>;
export type CategorySummary = RunSummary['categories'][number];
export type ScorerSummary = RunSummary['scorers'][number];
export type Interval = RunSummary['overallInterval'];
export type PassAtK = RunSummary['passAtK'][number];
export type ToolCall = v.InferOutput<typeof ToolCallSchema>;
export type NearMiss = v.InferOutput<typeof NearMissSchema>;
