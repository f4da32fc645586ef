import { argumentEquals } from './argumentEquals.ts';

/** The characters BFCL's string standardisation removes: space and `,./-_*^`. */
const BFCL_REMOVED = new Set([' ', ',', '.', '/', '-', '_', '*', '^']);

/**
 * A string as BFCL's AST checker standardises it before comparing (`standardize_string`): every
 * space and every one of `,./-_*^` removed, lower-cased, and `'` replaced by `"`. Other white space
 * (tabs, newlines) stays, as in BFCL. So `"San Francisco, CA"` and `"san francisco ca"` both become
 * `sanfranciscoca`. Linear; pure; never throws.
 */
export function standardizeBfclString(text: string): string {
  let kept = '';
  for (const char of text) if (!BFCL_REMOVED.has(char)) kept += char;
  return kept.toLowerCase().replaceAll("'", '"');
}

function bfclScalarEquals(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') {
    return standardizeBfclString(expected) === standardizeBfclString(actual);
  }
  return argumentEquals(expected, actual);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bfclObjectEquals(expected: Record<string, unknown>, actual: Record<string, unknown>): boolean {
  const keys = Object.keys(expected);
  if (keys.length !== Object.keys(actual).length) return false;
  return keys.every((key) => Object.hasOwn(actual, key) && bfclScalarEquals(expected[key], actual[key]));
}

/**
 * Equality of an expected argument value and an actual one under BFCL's string rule, as the
 * `equals` / `one_of` matchers use it with `strings: "bfcl"`. Where BFCL standardises
 * (`standardizeBfclString`), this does too: a string value (`string_checker`), the string items of
 * an array (`list_checker`), the string values of an object (`dict_checker`) and of the objects in
 * an array (`list_dict_checker`). Strings nested deeper, and every other value, compare as
 * {@link argumentEquals} does. Pure; never throws.
 */
export function bfclEquals(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((item, index) => {
      const other: unknown = actual[index];
      return isRecord(item) && isRecord(other)
        ? bfclObjectEquals(item, other)
        : bfclScalarEquals(item, other);
    });
  }
  if (isRecord(expected)) return isRecord(actual) && bfclObjectEquals(expected, actual);
  return bfclScalarEquals(expected, actual);
}
