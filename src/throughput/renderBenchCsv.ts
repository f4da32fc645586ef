import { csvNumberCell, csvTextCell } from '../core/report/csvCell.ts';
import { benchRows, flagNames } from './benchRows.ts';
import type { BenchResult } from './schema.ts';

const COLUMNS = [
  'device',
  'browser',
  'model',
  'size_bytes',
  'params',
  'quantization',
  'test',
  'repetitions',
  'tps_mean',
  'tps_sd',
  'tps_median',
  'webllm_tps_mean',
  'webllm_tps_sd',
  'webllm_tps_median',
  'ttft_ms_median',
  'prompt_tokens',
  'completion_tokens',
  'flags',
  'engine',
  'status',
  'created_at',
];

/**
 * One CSV row per test of each result (RFC 4180, CRLF line ends), raw numbers in full precision,
 * text neutralised against spreadsheet formulas. Pure; never throws.
 */
export function renderBenchCsv(results: readonly BenchResult[]): string {
  const lines = [COLUMNS.join(',')];
  for (const result of results) {
    for (const row of benchRows([result])) {
      lines.push(
        [
          csvTextCell(row.device),
          csvTextCell(row.browser ?? ''),
          csvTextCell(row.model),
          csvNumberCell(row.sizeBytes),
          csvNumberCell(row.params),
          csvTextCell(row.quantization ?? ''),
          csvTextCell(row.test),
          csvNumberCell(row.measured?.n ?? row.reported?.n ?? null),
          csvNumberCell(row.measured?.mean),
          csvNumberCell(row.measured?.sd),
          csvNumberCell(row.measured?.median),
          csvNumberCell(row.reported?.mean),
          csvNumberCell(row.reported?.sd),
          csvNumberCell(row.reported?.median),
          csvNumberCell(row.ttftMs),
          csvNumberCell(row.promptTokens),
          csvNumberCell(row.completionTokens),
          csvTextCell(flagNames(row.flags)),
          csvTextCell(
            `${result.engine.name} ${result.engine.version}${result.engine.synthetic ? ' (synthetic)' : ''}`,
          ),
          csvTextCell(result.status),
          csvTextCell(result.createdAt),
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
