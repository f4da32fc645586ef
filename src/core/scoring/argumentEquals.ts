/**
 * Deep equality of an expected argument value and an actual one, as the `equals` and `one_of`
 * matchers use it.
 *
 * Strings are compared after trimming surrounding whitespace, and otherwise exactly: case, inner
 * spaces and punctuation count. BFCL lower-cases and strips punctuation, but the arguments of coding
 * tools are paths, commands and file contents, where `/etc/hosts` ≠ `etc/hosts` and `Hello World` ≠
 * `hello world`; a suite that wants leniency says so with `one_of` or `regex`. The trim applies at
 * every depth. Numbers compare by value (42 equals 42.0); booleans and null strictly; arrays
 * element-wise in order; objects by the same key set and equal values (key order is free).
 * Values of different JSON types are never equal ("42" ≠ 42). Pure; never throws.
 */
export function argumentEquals(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string') return typeof actual === 'string' && expected.trim() === actual.trim();
  if (expected === null || typeof expected !== 'object') return expected === actual;
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((item, index) => argumentEquals(item, actual[index]));
  }
  if (Array.isArray(actual)) return false;
  const expectedRecord = expected as Record<string, unknown>;
  const actualRecord = actual as Record<string, unknown>;
  const keys = Object.keys(expectedRecord);
  if (keys.length !== Object.keys(actualRecord).length) return false;
  return keys.every(
    (key) => Object.hasOwn(actualRecord, key) && argumentEquals(expectedRecord[key], actualRecord[key]),
  );
}
