import * as v from 'valibot';
import { formatIssue } from '../core/validation/formatIssue.ts';
import { formatPath } from '../core/validation/formatPath.ts';
import { BENCH_SCHEMA_ID, BenchResultSchema, type BenchResult } from './schema.ts';

/** Largest bench file accepted (characters of JSON text). */
export const MAX_BENCH_CHARS = 10 * 1024 * 1024;
const MAX_LISTED_ISSUES = 20;

export interface BenchIssue {
  path: string;
  message: string;
}

export type BenchValidation = { ok: true; value: BenchResult } | { ok: false; issues: BenchIssue[] };

/**
 * Parses and validates the text of a saved benchmark result: size, JSON syntax, schema id, then
 * every field against `tabeval.bench/1`, each problem with its path. Never throws; never trusts
 * the file.
 */
export function parseBenchJson(text: string): BenchValidation {
  if (text.length > MAX_BENCH_CHARS) {
    return fail(
      '(root)',
      `the file is ${(text.length / 1048576).toFixed(1)} MB; bench results over 10 MB are not read`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return fail('(root)', `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateBench(value);
}

/** Validates an already-parsed value as a bench result; see {@link parseBenchJson}. */
export function validateBench(value: unknown): BenchValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(root)', 'expected a tabeval bench result (a JSON object)');
  }
  const schema = (value as { schema?: unknown }).schema;
  if (schema !== BENCH_SCHEMA_ID) {
    return fail(
      'schema',
      typeof schema === 'string'
        ? `unknown schema "${schema}"; this version of tabeval reads bench results "${BENCH_SCHEMA_ID}"`
        : `missing "schema": "${BENCH_SCHEMA_ID}"; is this a tabeval bench result?`,
    );
  }
  const parsed = v.safeParse(BenchResultSchema, value, { abortEarly: false });
  if (parsed.success) return { ok: true, value: parsed.output };
  const issues = parsed.issues
    .map(formatIssue)
    .map((i) => ({ path: formatPath(i.path), message: i.message }));
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  if (issues.length > listed.length) {
    listed.push({ path: '(root)', message: `and ${issues.length - listed.length} more problems` });
  }
  return { ok: false, issues: listed };
}

function fail(path: string, message: string): BenchValidation {
  return { ok: false, issues: [{ path, message }] };
}
