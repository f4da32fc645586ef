import { runSpeedFigures } from '../core/report/runSpeedFigures.ts';
import type { Report } from '../core/report/schema.ts';
import { isFallbackDevice } from './benchFlags.ts';
import { deviceLabel } from '../core/report/deviceLabel.ts';
import { sourceModelId } from '../core/report/sourceFacts.ts';
import type { BenchResult } from './schema.ts';

/** One device and model of the comparison: its speeds and, when an eval report has it, its quality. */
export interface ComparisonPoint {
  device: string;
  model: string;
  /** Decode tokens/s: the bench's tg median (ours, else WebLLM's), else the report's median over cases. */
  decodeTps: number | null;
  prefillTps: number | null;
  /** Time to first token (ms): the tg test's median, else the report's. */
  ttftMs: number | null;
  speedSource: 'bench' | 'report' | null;
  /** Overall score (0..1) of the latest eval report for this device and model. */
  quality: number | null;
  fallback: boolean;
  synthetic: boolean;
}

function keyOf(device: string, model: string): string {
  return JSON.stringify([device, model]);
}

function later<T extends { createdAt: string }>(a: T | undefined, b: T): T {
  return a === undefined || Date.parse(b.createdAt) >= Date.parse(a.createdAt) ? b : a;
}

/**
 * What the comparison takes from an eval report: a few facts, so that reports kept in this
 * browser (tens of MB each) are summarised where they are read (the report worker) and only
 * these reach the page.
 */
export interface ReportFacts {
  device: string;
  model: string;
  createdAt: string;
  /** Overall score, 0..1. */
  quality: number;
  /** Median speeds over the report's cases (`runSpeedFigures`). */
  decodeTps: number | null;
  prefillTps: number | null;
  ttftMs: number | null;
  fallback: boolean;
}

/** The facts of `report` the comparison uses. Pure; never throws. */
export function reportFacts(report: Report): ReportFacts {
  const speed = runSpeedFigures(report);
  return {
    device: deviceLabel(report.device),
    model: sourceModelId(report.source) ?? 'unknown model',
    createdAt: report.createdAt,
    quality: report.summary.overall,
    decodeTps: speed.decodeTps,
    prefillTps: speed.prefillTps,
    ttftMs: speed.ttftMs,
    fallback: isFallbackDevice(report.device),
  };
}

/**
 * The comparison across devices: one point per device and model, from the latest bench result
 * (that has timed samples) and the latest eval report of each (`reportFacts`). Devices are named
 * by the user's label, else by adapter and platform. Pure; never throws.
 */
export function compareDevices(
  bench: readonly BenchResult[],
  reports: readonly ReportFacts[],
): ComparisonPoint[] {
  const latestBench = new Map<string, BenchResult>();
  for (const result of bench) {
    if (result.tests.length === 0) continue;
    const key = keyOf(deviceLabel(result.device), result.model.id);
    latestBench.set(key, later(latestBench.get(key), result));
  }
  const latestReport = new Map<string, ReportFacts>();
  for (const report of reports) {
    const key = keyOf(report.device, report.model);
    latestReport.set(key, later(latestReport.get(key), report));
  }
  const keys = [...new Set([...latestBench.keys(), ...latestReport.keys()])];
  const points = keys.map((key): ComparisonPoint => {
    const [device = '', model = ''] = JSON.parse(key) as [string, string];
    const result = latestBench.get(key);
    const report = latestReport.get(key);
    const quality = report?.quality ?? null;
    if (result) {
      const tg = result.tests.find((t) => t.kind === 'tg');
      const pp = result.tests.find((t) => t.kind === 'pp');
      return {
        device,
        model,
        decodeTps: tg?.measured?.median ?? tg?.reported?.median ?? null,
        prefillTps: pp?.measured?.median ?? pp?.reported?.median ?? null,
        ttftMs: tg?.ttftMs?.median ?? null,
        speedSource: 'bench',
        quality,
        fallback: isFallbackDevice(result.device),
        synthetic: result.engine.synthetic,
      };
    }
    return {
      device,
      model,
      decodeTps: report?.decodeTps ?? null,
      prefillTps: report?.prefillTps ?? null,
      ttftMs: report?.ttftMs ?? null,
      speedSource: report?.decodeTps != null ? 'report' : null,
      quality,
      fallback: report?.fallback ?? isFallbackDevice(null),
      // Reports carry real recorded speeds (a re-scored report keeps its recording's).
      synthetic: false,
    };
  });
  return points.sort((a, b) => a.model.localeCompare(b.model) || a.device.localeCompare(b.device));
}

/** Seconds to answer with `tokens` tokens: TTFT plus tokens at the decode speed; null without a speed. */
export function answerSeconds(point: ComparisonPoint, tokens: number): number | null {
  if (point.decodeTps === null || point.decodeTps <= 0) return null;
  return (point.ttftMs ?? 0) / 1000 + tokens / point.decodeTps;
}

/**
 * The best model on `device` within a latency budget: the highest quality among the points of that
 * device that answer `tokens` tokens within `seconds`; null when none fits (or none has a quality).
 * Pure; never throws.
 */
export function bestWithinBudget(
  points: readonly ComparisonPoint[],
  device: string,
  tokens: number,
  seconds: number,
): ComparisonPoint | null {
  let best: ComparisonPoint | null = null;
  for (const point of points) {
    if (point.device !== device || point.quality === null) continue;
    const time = answerSeconds(point, tokens);
    if (time === null || time > seconds) continue;
    if (best === null || point.quality > (best.quality ?? -1)) best = point;
  }
  return best;
}
