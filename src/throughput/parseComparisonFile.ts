import { MAX_REPORT_CHARS, parseReportJson, validateReport } from '../core/report/parseReportJson.ts';
import type { Report } from '../core/report/schema.ts';
import { BENCH_SCHEMA_ID, type BenchResult } from './schema.ts';
import { MAX_BENCH_CHARS, validateBench, type BenchIssue } from './parseBenchJson.ts';

export type ComparisonFile =
  | { ok: true; kind: 'bench'; value: BenchResult }
  | { ok: true; kind: 'report'; value: Report }
  | { ok: false; issues: BenchIssue[] };

/**
 * A file for the device comparison: a bench result (`tabeval.bench/1`) or an eval report
 * (`tabeval.report/1`), told apart by its `schema` field and validated by that format's own
 * validator (size limits, JSON syntax errors located as the report parser does). Never throws;
 * never trusts the file.
 */
export function parseComparisonFile(text: string): ComparisonFile {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    // The report parser locates the syntax error (line, column, truncation).
    const parsed = parseReportJson(text);
    return parsed.ok ? { ok: true, kind: 'report', value: parsed.value } : parsed;
  }
  const schema =
    typeof value === 'object' && value !== null ? (value as { schema?: unknown }).schema : undefined;
  if (schema === BENCH_SCHEMA_ID) {
    if (text.length > MAX_BENCH_CHARS) {
      return { ok: false, issues: [{ path: '(root)', message: 'bench results over 10 MB are not read' }] };
    }
    const parsed = validateBench(value);
    return parsed.ok ? { ok: true, kind: 'bench', value: parsed.value } : parsed;
  }
  const parsed = text.length > MAX_REPORT_CHARS ? parseReportJson(text) : validateReport(value);
  return parsed.ok ? { ok: true, kind: 'report', value: parsed.value } : parsed;
}
