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
 * The comparison across devices: one point per device and model, from the latest bench result
 * (that has timed samples) and the latest eval report of each. Devices are named by the user's
 * label, else by adapter and platform. Pure; never throws.
 */
export function compareDevices(bench: readonly BenchResult[], reports: readonly Report[]): ComparisonPoint[] {
  const latestBench = new Map<string, BenchResult>();
  for (const result of bench) {
    if (result.tests.length === 0) continue;
    const key = keyOf(deviceLabel(result.device), result.model.id);
    latestBench.set(key, later(latestBench.get(key), result));
  }
  const latestReport = new Map<string, Report>();
  for (const report of reports) {
    const key = keyOf(deviceLabel(report.device), sourceModelId(report.source) ?? 'unknown model');
    latestReport.set(key, later(latestReport.get(key), report));
  }
  const keys = [...new Set([...latestBench.keys(), ...latestReport.keys()])];
  const points = keys.map((key): ComparisonPoint => {
    const [device = '', model = ''] = JSON.parse(key) as [string, string];
    const result = latestBench.get(key);
    const report = latestReport.get(key);
    const quality = report?.summary.overall ?? null;
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
    const speed = report ? runSpeedFigures(report) : null;
    return {
      device,
      model,
      decodeTps: speed?.decodeTps ?? null,
      prefillTps: speed?.prefillTps ?? null,
      ttftMs: speed?.ttftMs ?? null,
      speedSource: speed?.decodeTps != null ? 'report' : null,
      quality,
      fallback: isFallbackDevice(report?.device ?? null),
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
