import * as v from 'valibot';
import { locateJsonError } from '../validation/locateJsonError.ts';
import { formatIssue } from '../validation/formatIssue.ts';
import { formatPath, type IssuePath } from '../validation/formatPath.ts';
import { sortIssues } from '../validation/sortIssues.ts';
import { REPORT_SCHEMA_ID, ReportSchema, type Report } from './schema.ts';
import { REPORT_V1_SCHEMA_ID, ReportV1Schema } from './schemaV1.ts';
import { upgradeReportV1 } from './upgradeReport.ts';
import { MAX_SUITE_DEPTH } from '../suite/findDataProblems.ts';
import { findTooDeep } from '../validation/findTooDeep.ts';

/**
 * Deepest nesting of arrays and objects a report may have: the suite's cap. The embedded suite
 * (`suite.content`) is measured from its own root, so every valid suite fits in a valid report.
 */
export const MAX_REPORT_DEPTH = MAX_SUITE_DEPTH;

/** Largest report file the app accepts (characters of JSON text); the CLI passes its own limit. */
export const MAX_REPORT_CHARS = 50 * 1024 * 1024;
const MAX_LISTED_ISSUES = 50;

export type ReportValidation =
  { ok: true; value: Report } | { ok: false; issues: { path: string; message: string }[] };

/**
 * Parses and validates the text of a report file: size, JSON syntax (with line and column),
 * schema version, then every field against the `tabeval.report/1` schema, each problem with its
 * path. `maxChars` is the size limit (default `MAX_REPORT_CHARS`, the app's). Never throws; never
 * trusts the file.
 */
export function parseReportJson(
  text: string,
  { maxChars = MAX_REPORT_CHARS }: { maxChars?: number } = {},
): ReportValidation {
  if (text.length > maxChars) {
    return fail(
      '(root)',
      `the file is too large: ${formatMegabytes(text.length)} MB, and reports over ${maxChars / 1048576} MB are not read`,
    );
  }
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return fail('(root)', 'the file is empty');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const at = locateJsonError(source);
    // The text stops where JSON still expects something, or inside a string (whose error points
    // at the string's opening quote): a download or copy that was cut short.
    const truncated =
      source.trimEnd().length > 0 &&
      at !== undefined &&
      (at.offset >= source.trimEnd().length - 1 || at.reason === 'a string is not closed');
    return fail(
      '(root)',
      at === undefined
        ? `invalid JSON: ${error instanceof Error ? error.message : String(error)}`
        : `invalid JSON at line ${at.line}, column ${at.column}: ${at.reason}${truncated ? ' (the file looks truncated)' : ''}`,
    );
  }
  return validateReport(value);
}

/** Validates an already-parsed value as a report; see {@link parseReportJson}. */
export function validateReport(value: unknown): ReportValidation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(root)', 'expected a tabeval report (a JSON object)');
  }
  // Before anything recurses (valibot, the renderers): a value nested thousands of levels deep
  // would overflow the stack and surface as the engine's RangeError.
  const deep = findTooDeepInReport(value);
  if (deep !== undefined) {
    // The path to the cut-off point is 64 steps long: its start says where, the count says how deep.
    const where =
      deep.length > 6 ? `${formatPath(deep.slice(0, 6))}… (${deep.length} levels down)` : formatPath(deep);
    return fail(where, `nested more than ${MAX_REPORT_DEPTH} levels deep; no report field is`);
  }
  const schema = (value as { schema?: unknown }).schema;
  if (schema === REPORT_V1_SCHEMA_ID) {
    const old = v.safeParse(ReportV1Schema, value, { abortEarly: false });
    if (!old.success) return failWith(old.issues);
    return validateCurrent(upgradeReportV1(old.output), ' (in the report upgraded from format 1)');
  }
  if (schema !== REPORT_SCHEMA_ID) {
    return fail(
      'schema',
      typeof schema === 'string'
        ? `unknown report schema "${clip(schema, 80)}"; this version of tabeval reads "${REPORT_SCHEMA_ID}" and "${REPORT_V1_SCHEMA_ID}"${newerVersion(schema) ? ' (the report was made by a newer tabeval: update to read it)' : ''}`
        : `missing "schema": "${REPORT_SCHEMA_ID}"; is this a tabeval report?`,
    );
  }
  return validateCurrent(value, '');
}

function findTooDeepInReport(report: object): IssuePath | undefined {
  const suite: unknown = (report as { suite?: unknown }).suite;
  if (typeof suite !== 'object' || suite === null || !Object.hasOwn(suite, 'content')) {
    return findTooDeep(report, MAX_REPORT_DEPTH);
  }
  const { content, ...suiteRest } = suite as { content: unknown };
  const outside = findTooDeep({ ...report, suite: suiteRest }, MAX_REPORT_DEPTH);
  if (outside !== undefined) return outside;
  const inside = findTooDeep(content, MAX_SUITE_DEPTH);
  return inside === undefined ? undefined : ['suite', 'content', ...inside];
}

function validateCurrent(value: unknown, where: string): ReportValidation {
  const parsed = v.safeParse(ReportSchema, value, { abortEarly: false });
  if (parsed.success) return { ok: true, value: parsed.output };
  return failWith(parsed.issues, where);
}

function failWith(found: readonly v.BaseIssue<unknown>[], where = ''): ReportValidation {
  const issues = sortIssues(
    found.map((issue) => ({ ...formatIssue(issue), message: describeIssue(issue) })),
  ).map((i) => ({
    path: formatPath(i.path),
    message: `${i.message}${where}`,
  }));
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  if (issues.length > listed.length) {
    listed.push({ path: '(root)', message: `and ${issues.length - listed.length} more problems` });
  }
  return { ok: false, issues: listed };
}

/** The number of MB, rounded up, so a file just over the limit never reads as exactly the limit. */
function formatMegabytes(chars: number): string {
  return (Math.ceil((chars / 1048576) * 10) / 10).toFixed(1);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function newerVersion(schema: string): boolean {
  const match = /^tabeval\.report\/(\d+)$/.exec(schema);
  const current = /(\d+)$/.exec(REPORT_SCHEMA_ID);
  return match?.[1] !== undefined && current?.[1] !== undefined && Number(match[1]) > Number(current[1]);
}

// valibot says a missing key as `Invalid key: Expected "outputHash" but received undefined`; and its
// messages quote the value they got, which in a report can be a whole model output.
function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.input === undefined) return 'missing (this field is required)';
  return clip(issue.message, 300);
}

function fail(path: string, message: string): ReportValidation {
  return { ok: false, issues: [{ path, message }] };
}
