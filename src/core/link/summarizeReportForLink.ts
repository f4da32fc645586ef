import * as v from 'valibot';
import { deviceLabel } from '../report/deviceLabel.ts';
import { reportSuite } from '../report/reportSuite.ts';
import { runSpeedFigures } from '../report/runSpeedFigures.ts';
import type { Report } from '../report/schema.ts';
import {
  fitLinkText,
  MaxTokensSchema,
  SeedSchema,
  TemperatureSchema,
  ToolCallModeSchema,
  TopPSchema,
} from './linkFields.ts';
import { LINK_TEXT_LIMITS, OUTPUT_HASH_PREFIX_CHARS, type ResultsSummary } from './resultsSummary.ts';

const HEX_PREFIX = new RegExp(`^[0-9a-f]{${OUTPUT_HASH_PREFIX_CHARS}}`);
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The part of an output hash a results link keeps: its first 8 hex digits (lower case), or null when it is not hex. */
export function outputHashPrefix(hash: string | null): string | null {
  return hash?.toLowerCase().match(HEX_PREFIX)?.[0] ?? null;
}

/**
 * The ids of the report's suite in suite order: from the embedded suite when it validates, else
 * the order of the report's own cases. Pass/fail bits are written in this order.
 */
export function suiteCaseIds(report: Report): string[] {
  const suite = reportSuite(report);
  return suite.ok ? suite.value.cases.map((c) => c.id) : report.cases.map((c) => c.id);
}

/**
 * The summary a results link carries for `report` (see {@link ResultsSummary}). Numbers are the
 * report's own (nothing is recomputed but the median speeds, via `runSpeedFigures`); texts longer
 * than the link's limits are cut; a parameter outside the range a run link accepts is left out
 * (null); an output hash that is not hex keeps no prefix. Pure; never throws.
 */
export function summarizeReportForLink(report: Report): ResultsSummary {
  const byId = new Map<string, Report['cases'][number]>();
  for (const c of report.cases) if (!byId.has(c.id)) byId.set(c.id, c);
  const cases = suiteCaseIds(report).map((id) => {
    const record = byId.get(id);
    return {
      passed: record ? record.passed : null,
      output: record ? outputHashPrefix(record.outputHash) : null,
    };
  });
  const speed = runSpeedFigures(report);
  const s = report.summary;
  return {
    createdAt: fitLinkText(report.createdAt, LINK_TEXT_LIMITS.date),
    source: report.source,
    suite: {
      id: fitLinkText(report.suite.id, LINK_TEXT_LIMITS.id),
      version: fitLinkText(report.suite.version, LINK_TEXT_LIMITS.version),
      hash: report.suite.hash,
      caseCount: cases.length,
    },
    model: report.model ? { id: fitLinkText(report.model.id, LINK_TEXT_LIMITS.id) } : null,
    promptTemplateHash:
      report.promptTemplateHash !== null && SHA256_HEX.test(report.promptTemplateHash)
        ? report.promptTemplateHash
        : null,
    params: summaryParams(report),
    device: summaryDevice(report.device),
    overall: s.overall,
    overallInterval: interval(s.overallInterval),
    macro: s.macro,
    passRate: s.passRate,
    passRateInterval: interval(s.passRateInterval),
    successRate: s.successRate,
    n: s.n,
    categories: Object.entries(s.categories).map(([name, c]) => ({
      name: fitLinkText(name, LINK_TEXT_LIMITS.category),
      mean: c.mean,
      n: c.n,
      passed: c.passed,
      meanInterval: interval(c.meanInterval),
    })),
    speed: {
      decodeTps: nonNegative(speed.decodeTps),
      prefillTps: nonNegative(speed.prefillTps),
      ttftMs: nonNegative(speed.ttftMs),
      loadMs: nonNegative(speed.loadMs),
    },
    cases,
  };
}

function interval(i: { low: number; high: number; method: string }) {
  return { low: i.low, high: i.high, method: fitLinkText(i.method, LINK_TEXT_LIMITS.method) };
}

function nonNegative(value: number | null): number | null {
  return value !== null && Number.isFinite(value) && value >= 0 ? value : null;
}

function valid<T>(schema: v.GenericSchema<unknown, T>, value: unknown): T | null {
  const parsed = v.safeParse(schema, value);
  return parsed.success ? parsed.output : null;
}

function summaryParams(report: Report): ResultsSummary['params'] {
  const p = report.params;
  if (p === null) return null;
  return {
    temperature: valid(TemperatureSchema, p['temperature']),
    top_p: valid(TopPSchema, p['top_p']),
    max_tokens: valid(MaxTokensSchema, p['max_tokens']),
    seed: valid(SeedSchema, p['seed']),
    tool_call_mode: valid(ToolCallModeSchema, report.toolCallMode ?? p['tool_call_mode']),
  };
}

function summaryDevice(device: Report['device']): ResultsSummary['device'] {
  if (device === null) return null;
  const adapter = device['adapter'];
  const fields = typeof adapter === 'object' && adapter !== null ? (adapter as Record<string, unknown>) : {};
  const text = (value: unknown) =>
    typeof value === 'string' ? fitLinkText(value, LINK_TEXT_LIMITS.device) : '';
  const fallback = fields['isFallbackAdapter'];
  return {
    vendor: text(fields['vendor']),
    architecture: text(fields['architecture']),
    isFallbackAdapter: typeof fallback === 'boolean' ? fallback : null,
    label: text(deviceLabel(device)),
  };
}
