import { locateJsonError } from '../validation/locateJsonError.ts';
import type { SuiteValidation } from './types.ts';
import { validateSuite } from './validateSuite.ts';

/**
 * Parses and validates the text of a suite file. A leading byte-order mark is ignored (editors on
 * Windows write one). Invalid JSON gives one issue at `(root)` that names the line, the column and
 * the reason (`invalid JSON at line 3, column 14: trailing comma before '}'`); valid JSON gives
 * `validateSuite`'s result. Never throws.
 */
export function parseSuiteJson(text: string): SuiteValidation {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const located = locateJsonError(source);
    const message =
      located === undefined
        ? `invalid JSON: ${error instanceof Error ? error.message : String(error)}`
        : `invalid JSON at line ${located.line}, column ${located.column}: ${located.reason}`;
    return { ok: false, issues: [{ path: '(root)', message }] };
  }
  return validateSuite(value);
}
