import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../../src/core/validation/locateJsonError.ts';
import { parseSuiteJson } from '../../../../src/core/suite/parseSuiteJson.ts';
import { validSuite } from './fixtures.ts';

describe('parseSuiteJson', () => {
  it('parses and validates a suite file', () => {
    expect(parseSuiteJson(JSON.stringify(validSuite, null, 2))).toEqual({ ok: true, value: validSuite });
  });

  it('ignores a leading byte-order mark', () => {
    expect(parseSuiteJson(`\uFEFF${JSON.stringify(validSuite)}`).ok).toBe(true);
  });

  it('returns validation issues for valid JSON that is not a suite', () => {
    const result = parseSuiteJson('{"id": "x"}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toEqual({
      path: 'version',
      message: "missing required field 'version'",
    });
  });

  it('gives invalid JSON one issue at (root) with line, column and reason', () => {
    const text = '{\n  "id": "x",\n  "cases": [1, 2,],\n}';
    expect(parseSuiteJson(text)).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: "invalid JSON at line 3, column 17: trailing comma before ']'" }],
    });
  });
});

describe('locateJsonError', () => {
  it.each([
    ['', 1, 1, 'the text ends before any JSON value'],
    ['{"a": 1,}', 1, 8, "trailing comma before '}'"],
    ['{"a": 1\n "b": 2}', 2, 2, "expected ',' or '}', got '\"' (missing comma?)"],
    ["{'a': 1}", 1, 2, 'property names need double quotes, not single quotes'],
    ['{a: 1}', 1, 2, 'property names need double quotes'],
    ['{"a": "x\ny"}', 1, 9, 'a string cannot contain a raw line break'],
    ['{"a": True}', 1, 7, "unexpected word 'True'"],
    ['// comment\n{}', 1, 1, 'comments are not allowed in JSON'],
    ['{"a": 1} {}', 1, 10, "unexpected '{' after the end of the JSON value"],
    ['{"a": "\\q"}', 1, 8, "bad escape '\\q'"],
    ['{"a": [1, 2}', 1, 12, "expected ',' or ']', got '}'"],
    ['{"a": "open', 1, 7, 'a string is not closed'],
  ])('locates the error in %j', (text, line, column, reason) => {
    const located = locateJsonError(text);
    expect(located).toMatchObject({ line, column });
    expect(located?.reason).toContain(reason);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('returns undefined for valid JSON, and survives very deep nesting', () => {
    expect(locateJsonError(JSON.stringify(validSuite, null, 2))).toBeUndefined();
    expect(locateJsonError(' [ {"a" : [true, false, null, -1.5e+3, "\\u00e9\\n"]} ] ')).toBeUndefined();
    expect(locateJsonError('['.repeat(200_000))?.reason).toBe("the text ends before a closing ']'");
  });
});
