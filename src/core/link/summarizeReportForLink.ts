import { deviceLabel } from '../report/deviceLabel.ts';
import { reportSuite } from '../report/reportSuite.ts';
import { runSpeedFigures } from '../report/runSpeedFigures.ts';
import type { Report } from '../report/schema.ts';
import { sourceModelId } from '../report/sourceFacts.ts';
import { fitLinkText } from './linkFields.ts';
import { LINK_TEXT_LIMITS, OUTPUT_HASH_PREFIX_CHARS, type ResultsSummary } from './resultsSummary.ts';

const HEX_PREFIX = new RegExp(`^[0-9a-f]{${OUTPUT_HASH_PREFIX_CHARS}}`);

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
 * than the link's limits are cut. A case with several samples is represented by its first sample;
 * a category's `n` counts its records. Pure; never throws.
 */
export function summarizeReportForLink(report: Report): ResultsSummary {
  const byId = new Map<string, Report['cases'][number]>();
  for (const c of report.cases) if (c.sample === 0 && !byId.has(c.id)) byId.set(c.id, c);
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
    source: report.source.kind,
    suite: {
      id: fitLinkText(report.suite.id, LINK_TEXT_LIMITS.id),
      version: fitLinkText(report.suite.version, LINK_TEXT_LIMITS.version),
      hash: report.suite.hash,
      caseCount: cases.length,
    },
    model: modelOf(report),
    promptTemplateHash: report.promptTemplateHash,
    params: summaryParams(report),
    device: summaryDevice(report.device),
    overall: s.overall,
    overallInterval: interval(s.overallInterval),
    macro: s.macro,
    passRate: s.passRate,
    passRateInterval: interval(s.passRateInterval),
    successRate: s.successRate,
    n: s.n,
    categories: s.categories.map((c) => ({
      name: fitLinkText(c.name, LINK_TEXT_LIMITS.category),
      mean: c.mean,
      n: c.records,
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

function modelOf(report: Report): ResultsSummary['model'] {
  const id = sourceModelId(report.source);
  return id === null ? null : { id: fitLinkText(id, LINK_TEXT_LIMITS.id) };
}

function summaryParams(report: Report): ResultsSummary['params'] {
  const p = report.params;
  return {
    temperature: p.temperature,
    top_p: p.top_p,
    max_tokens: p.max_tokens,
    seed: p.seed,
    tool_call_mode: p.tool_call_mode,
  };
}

function summaryDevice(device: Report['device']): ResultsSummary['device'] {
  if (device === null) return null;
  const adapter = device.adapter ?? null;
  return {
    vendor: fitLinkText(adapter?.vendor ?? '', LINK_TEXT_LIMITS.device),
    architecture: fitLinkText(adapter?.architecture ?? '', LINK_TEXT_LIMITS.device),
    isFallbackAdapter: adapter === null ? null : adapter.isFallbackAdapter,
    label: fitLinkText(deviceLabel(device), LINK_TEXT_LIMITS.device),
  };
}
