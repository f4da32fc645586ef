import { escapeMarkdown } from '../core/report/escapeMarkdown.ts';
import { benchRows, flagNames, formatSize, formatTpsStats, formatTtft } from './benchRows.ts';
import type { BenchResult } from './schema.ts';

const HEADER = [
  '| device | model | size | params | quant | test | t/s (ours) | t/s (WebLLM) | TTFT | flags |',
  '| --- | --- | ---: | ---: | --- | --- | ---: | ---: | ---: | --- |',
];

/**
 * A llama-bench-like Markdown table of one or more results (mean ± sample sd of tokens/s, ours
 * and WebLLM's, median TTFT, flag names), then each result's flags in words. Every text from a
 * result is escaped; a result file cannot inject Markdown. Pure; never throws.
 */
export function renderBenchMarkdown(results: readonly BenchResult[]): string {
  const rows = benchRows(results).map(
    (row) =>
      `| ${[
        escapeMarkdown(row.device),
        escapeMarkdown(row.model),
        formatSize(row.sizeBytes, row.sizeIsEstimate),
        escapeMarkdown(row.paramsLabel ?? '–'),
        escapeMarkdown(row.quantization ?? '–'),
        escapeMarkdown(row.test),
        formatTpsStats(row.measured),
        formatTpsStats(row.reported),
        formatTtft(row.ttftMs),
        escapeMarkdown(flagNames(row.flags)),
      ].join(' | ')} |`,
  );
  const notes = results.flatMap((result) => {
    const lines: string[] = [];
    if (result.status !== 'complete') {
      lines.push(`- ${result.status}: ${escapeMarkdown(result.error?.message ?? 'no reason recorded')}`);
    }
    for (const flag of result.flags) {
      lines.push(
        `- ${escapeMarkdown(flag.test ?? 'all')}: ${escapeMarkdown(flag.kind)}: ${escapeMarkdown(flag.message)}`,
      );
    }
    return lines;
  });
  const settings = results.map(
    (r) =>
      `${escapeMarkdown(r.model.id)} on ${escapeMarkdown(r.device?.label ?? '') || 'this device'}: R = ${r.settings.repetitions}, after one warm-up; ${escapeMarkdown(r.engine.name)} ${escapeMarkdown(r.engine.version)}; ${escapeMarkdown(r.createdAt)}`,
  );
  return [
    ...HEADER,
    ...rows,
    '',
    ...settings.map((s) => `${s}  `),
    ...(notes.length > 0 ? ['', '**Flags**', '', ...notes] : []),
    '',
  ].join('\n');
}
