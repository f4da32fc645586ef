import * as v from 'valibot';
import { findDataProblems } from './findDataProblems.ts';
import { findUnknownKeys } from './findUnknownKeys.ts';
import { formatIssue } from '../validation/formatIssue.ts';
import { formatPath, type LocatedIssue } from '../validation/formatPath.ts';
import { SuiteSchema } from './schema.ts';
import { semanticChecks } from './semanticChecks.ts';
import { sortIssues } from '../validation/sortIssues.ts';
import { suiteParts } from './suiteParts.ts';
import type { SuiteValidation } from './types.ts';

/** Most problems listed; the rest are counted (a file with 100,000 unknown keys is one mistake). */
export const MAX_LISTED_SUITE_ISSUES = 200;

function result(issues: readonly LocatedIssue[]): SuiteValidation {
  const sorted = sortIssues(issues);
  const listed = sorted
    .slice(0, MAX_LISTED_SUITE_ISSUES)
    .map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  if (sorted.length > listed.length) {
    listed.push({ path: formatPath([]), message: `and ${sorted.length - listed.length} more problems` });
  }
  return { ok: false, issues: listed };
}

/**
 * Validates an untrusted value (usually `JSON.parse` of a suite file) as a suite.
 *
 * Returns the normalised suite (OpenAI-wrapped tools unwrapped, `$schema` dropped) or every problem
 * found, each with the JSON path where it is, in reading order: structure and types (unknown keys
 * included, so typos are caught), then what relates parts to each other (`semanticChecks`). A value
 * that is not JSON data at all (`undefined`, functions, cycles, ...) is reported by that alone.
 * Never throws; never changes `input` (the suite may share nested values such as `equals` with it).
 */
export function validateSuite(input: unknown): SuiteValidation {
  try {
    const data = findDataProblems(input);
    if (!data.usable) return result(data.issues);
    // valibot takes an array for an object (with every field missing); say what it is instead.
    if (Array.isArray(input)) {
      return result([{ path: [], message: 'expected a suite (an object), got an array' }]);
    }
    const parsed = v.safeParse(SuiteSchema, input, { abortEarly: false });
    const issues = [...data.issues];
    if (!parsed.success) {
      issues.push(...parsed.issues.map(formatIssue), ...findUnknownKeys(SuiteSchema, input));
    }
    issues.push(...semanticChecks(suiteParts(input)));
    if (parsed.success && issues.length === 0) return { ok: true, value: parsed.output };
    return result(issues);
  } catch (error) {
    // A getter or proxy in a hand-made object can throw; JSON data cannot get here.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, issues: [{ path: formatPath([]), message: `could not be validated (${reason})` }] };
  }
}
