import { formatBytes } from '../core/format/formatBytes.ts';
import { deviceLabel } from '../core/report/deviceLabel.ts';
import { formatMs } from '../core/format/formatFigures.ts';
import type { BenchFlag, BenchResult, BenchStats } from './schema.ts';

/** One line of the llama-bench-like table: a test of a result, with its figures and flags. */
export interface BenchRow {
  device: string;
  browser: string | null;
  model: string;
  sizeBytes: number | null;
  sizeIsEstimate: boolean;
  paramsLabel: string | null;
  params: number | null;
  quantization: string | null;
  test: string;
  kind: 'pp' | 'tg';
  measured: BenchStats | null;
  reported: BenchStats | null;
  ttftMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** The test's flags and the result's own (fallback adapter, synthetic). */
  flags: BenchFlag[];
}

/** The rows of one or more results, in order (pp before tg, as run). Pure; never throws. */
export function benchRows(results: readonly BenchResult[]): BenchRow[] {
  return results.flatMap((result) => {
    const global = result.flags.filter((f) => f.test === null);
    return result.tests.map((test) => ({
      device: deviceLabel(result.device),
      browser: result.device?.browserVersion ?? null,
      model: result.model.id,
      sizeBytes: result.model.sizeBytes,
      sizeIsEstimate: result.model.sizeIsEstimate,
      paramsLabel: result.model.paramsLabel,
      params: result.model.params,
      quantization: result.model.quantization,
      test: test.name,
      kind: test.kind,
      measured: test.measured,
      reported: test.reported,
      ttftMs: test.ttftMs?.median ?? null,
      promptTokens: test.promptTokens,
      completionTokens: test.completionTokens,
      flags: [...global, ...result.flags.filter((f) => f.test === test.name)],
    }));
  });
}

/** `1234.56 ± 12.34` (llama-bench's form: mean ± sample sd); `–` when missing. */
export function formatTpsStats(stats: BenchStats | null): string {
  if (!stats) return '–';
  return stats.sd === null ? stats.mean.toFixed(2) : `${stats.mean.toFixed(2)} ± ${stats.sd.toFixed(2)}`;
}

/** `963 MB`, `~963 MB` for an estimate (the one byte rule, `formatBytes`); `–` when unknown. */
export function formatSize(bytes: number | null, estimate: boolean): string {
  if (bytes === null) return '–';
  return `${estimate ? '~' : ''}${formatBytes(bytes)}`;
}

/** Time to first token (median): `123 ms`, `1.2 s`. */
export function formatTtft(ms: number | null): string {
  return formatMs(ms);
}

/** Short names of the flags, for a table cell. */
export function flagNames(flags: readonly BenchFlag[]): string {
  return flags.map((f) => f.kind).join(', ');
}
