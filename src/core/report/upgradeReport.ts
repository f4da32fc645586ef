import { DEFAULT_HEADLINE_RULE, HEADLINE_RULES, type HeadlineRule } from '../scoring/headline.ts';
import { headlineScore } from '../scoring/scoreCase.ts';
import { summarizeRun } from '../stats/summarizeRun.ts';
import { DeviceBlockSchema } from './deviceSchema.ts';
import { DEFAULT_PARAMS, TOOL_CALL_MODES } from './paramsSchema.ts';
import {
  REPORT_SCHEMA_ID,
  type GenerationParams,
  type Report,
  type ReportCase,
  type ReportSource,
} from './schema.ts';
import type { ReportV1 } from './schemaV1.ts';

/**
 * A format-1 report (tabeval 0.1) in the current format, for the validator to check like any
 * report. What changed: the engine and model became `source` (a re-scored format-1 report — source
 * `replay` — becomes its recorded model's source plus `rescored`); `params` became closed (known
 * fields kept, `toolCallMode` moved in, the rest default; one sample); the device block became
 * closed (known fields kept); each case gained `sample` 0 and an unknown prompt hash, and its score
 * follows the suite's headline rule (a format-1 suite names none: the default, pass rate); the
 * summary is recomputed from the cases. The result still goes through the current schema (format 1
 * bounded fewer fields). Pure; never throws on a validated format-1 report.
 */
export function upgradeReportV1(old: ReportV1): unknown {
  const headline = headlineOf(old.suite.content);
  const cases = old.cases.map((c) => upgradeCaseV1(c, headline));
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    app: old.app,
    createdAt: old.createdAt,
    rescored: old.source === 'replay' ? { at: old.createdAt, appVersion: old.app.version } : null,
    source: sourceOf(old),
    suite: old.suite as Report['suite'],
    params: upgradeParamsV1(old.params, old.toolCallMode),
    promptTemplateHash: old.promptTemplateHash,
    device: upgradeDeviceV1(old.device),
    timings: old.timings as Report['timings'],
    cases,
    summary: summarizeRun(cases, { headline }),
  };
  return report;
}

/** A format-1 case record in the current format: sample 0, no prompt hash, the score by `headline`. */
export function upgradeCaseV1(c: ReportV1['cases'][number], headline: HeadlineRule): ReportCase {
  const record: ReportCase = {
    id: c.id,
    sample: 0,
    category: c.category,
    messagesHash: null,
    output: c.output,
    outputHash: c.outputHash,
    calls: c.calls,
    nearMisses: c.nearMisses as ReportCase['nearMisses'],
    verdicts: c.verdicts,
    score: headlineScore(headline, c.verdicts, c.passed),
    passed: c.passed,
    reasons: c.reasons,
    usage: c.usage,
    finishReason: c.finishReason,
    durationMs: c.durationMs,
  };
  if (c.error !== undefined) record.error = c.error;
  return record;
}

/** The headline rule a suite's content names, else the default (format-1 suites name none). */
export function headlineOf(content: unknown): HeadlineRule {
  const rule = (content as { headline?: unknown } | null)?.headline;
  return (HEADLINE_RULES as readonly unknown[]).includes(rule)
    ? (rule as HeadlineRule)
    : DEFAULT_HEADLINE_RULE;
}

function sourceOf(old: ReportV1): ReportSource {
  const model = old.model;
  const webllm = old.source === 'webllm' || (old.source === 'replay' && model !== null && model.url !== null);
  if (webllm) {
    return {
      kind: 'webllm',
      version: old.engine?.name === 'webllm' ? old.engine.version : 'unknown',
      model: { id: model?.id ?? 'unknown', url: model?.url ?? null, libUrl: model?.libUrl ?? null },
    };
  }
  return { kind: 'outputs', model: model?.id ?? null };
}

/** Format-1 parameters (an open record) in the current closed form: known fields kept, the rest default. */
export function upgradeParamsV1(old: ReportV1['params'], toolCallMode: unknown): GenerationParams {
  const given = old ?? {};
  const number = (key: string, fallback: number): number =>
    typeof given[key] === 'number' ? (given[key] as number) : fallback;
  const params: GenerationParams = {
    temperature: number('temperature', DEFAULT_PARAMS.temperature),
    top_p: number('top_p', DEFAULT_PARAMS.top_p),
    max_tokens: number('max_tokens', DEFAULT_PARAMS.max_tokens),
    seed: number('seed', DEFAULT_PARAMS.seed),
    tool_call_mode: toolCallModeOf(toolCallMode ?? given['tool_call_mode']),
    samples: 1,
  };
  const stop = given['stop'];
  if (Array.isArray(stop) && stop.every((s) => typeof s === 'string')) params.stop = stop as string[];
  if (typeof given['ignore_eos'] === 'boolean') params.ignore_eos = given['ignore_eos'];
  return params;
}

function toolCallModeOf(value: unknown): GenerationParams['tool_call_mode'] {
  return (TOOL_CALL_MODES as readonly unknown[]).includes(value)
    ? (value as GenerationParams['tool_call_mode'])
    : 'prompt';
}

/** The fields of `record` the current schema knows (format 1's device block kept any field). */
export function upgradeDeviceV1(device: Readonly<Record<string, unknown>> | null): Report['device'] {
  return device === null ? null : (pickKnown(device, DeviceBlockSchema.entries) as Report['device']);
}

function pickKnown(record: Readonly<Record<string, unknown>>, known: object): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(known)) if (Object.hasOwn(record, key)) picked[key] = record[key];
  picked['label'] ??= null;
  picked['browserVersion'] ??= null;
  return picked;
}
