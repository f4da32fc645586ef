import { describe, expect, it } from 'vitest';
import { ParserProgressError, cutSpans, parseToolCalls } from '../../../../src/core/parser/index.ts';
import { TokenStream } from '../../../../src/core/parser/TokenStream.ts';
import { findFencedJson, newFencedJsonMemo } from '../../../../src/core/parser/findFencedJson.ts';
import { readJsonCall } from '../../../../src/core/parser/jsonCall.ts';
import { shorten } from '../../../../src/core/parser/nearMissDetail.ts';
import { findXmlFunctionName, parseXmlParameters } from '../../../../src/core/parser/parseXmlFunction.ts';
import { scanJsonObjectEnd, splitJsonObjects } from '../../../../src/core/parser/scanJsonObjects.ts';

describe('TokenStream', () => {
  it('throws ParserProgressError when a recogniser does not advance', () => {
    const stuck = new TokenStream(
      'stuck',
      () => ({ start: 0, end: 0 }),
      (token) => token.end,
    );
    expect(() => stuck.take()).toThrow(ParserProgressError);
    const error = new ParserProgressError('x', 3, 3);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ParserProgressError');
  });

  it('throws when a token starts before the search position', () => {
    const backwards = new TokenStream(
      'backwards',
      (from) => ({ start: from - 1, end: from + 1 }),
      (token) => token.end,
    );
    expect(() => backwards.take()).toThrow(/recogniser "backwards" did not move forward/);
  });

  it('yields tokens in order and then undefined', () => {
    const stream = new TokenStream(
      'pairs',
      (from) => (from < 6 ? { start: from, end: from + 2 } : undefined),
      (token) => token.end,
    );
    expect([stream.take(), stream.peek(), stream.take(), stream.take(), stream.take()]).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 2, end: 4 },
      { start: 4, end: 6 },
      undefined,
    ]);
  });
});

describe('scanJsonObjects', () => {
  it('finds the end of a balanced object, respecting strings and escapes', () => {
    expect(scanJsonObjectEnd('{"a": "}\\"}"} tail', 0)).toBe(13);
    expect(scanJsonObjectEnd('{"a": {"b": 1}}', 0)).toBe(15);
    expect(scanJsonObjectEnd('{"a": 1', 0)).toBe(-1);
    expect(scanJsonObjectEnd('x{}', 0)).toBe(-1);
  });

  it('splits two or more objects, and only valid ones', () => {
    expect(splitJsonObjects('{"a": 1}\n{"b": 2}')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(splitJsonObjects('{"a": 1}, {"b": 2}, {}')).toEqual([{ a: 1 }, { b: 2 }, {}]);
    expect(splitJsonObjects('{"a": 1}')).toBeUndefined();
    expect(splitJsonObjects('{"a": 1} x {"b": 2}')).toBeUndefined();
    expect(splitJsonObjects('{"a": 1}{"b": }')).toBeUndefined();
  });
});

describe('readJsonCall', () => {
  it('decides arguments: object, null, absent, parameters, JSON-encoded string', () => {
    expect(readJsonCall('{"name": "a", "arguments": {"x": 1}}', 'tag')).toMatchObject({
      ok: true,
      arguments: { x: 1 },
    });
    expect(readJsonCall('{"name": "a", "arguments": null}', 'tag')).toMatchObject({
      ok: true,
      arguments: {},
    });
    expect(readJsonCall('{"name": "a", "parameters": null}', 'tag')).toMatchObject({
      ok: true,
      arguments: {},
    });
    expect(readJsonCall('{"name": "a"}', 'tag')).toMatchObject({ ok: true, arguments: {} });
    expect(readJsonCall('{"name": "a", "arguments": "{\\"x\\": 1}"}', 'tag')).toMatchObject({
      ok: true,
      arguments: { x: 1 },
    });
  });

  it('refuses non-object arguments and non-string names without XML fallback', () => {
    for (const args of ['[1]', '"text"', '"[1]"', '3', 'true']) {
      expect(readJsonCall(`{"name": "a", "arguments": ${args}}`, 'tag')).toMatchObject({
        ok: false,
        kind: 'not-a-call',
        xmlFallback: false,
      });
    }
    expect(readJsonCall('{"name": null}', 'fence')).toMatchObject({
      ok: false,
      kind: 'not-a-call',
      xmlFallback: false,
    });
  });

  it('explains near misses in plain words', () => {
    const tool = readJsonCall('{"tool": "read_file"}', 'tag');
    expect(tool).toMatchObject({ ok: false, kind: 'tool-key' });
    expect(!tool.ok && tool.detail).toMatch(/old.*training format.*rename.*"name"/s);
    const bad = readJsonCall('{"name": }', 'tag');
    expect(bad).toMatchObject({ ok: false, kind: 'bad-json', xmlFallback: true });
    expect(!bad.ok && bad.detail).toMatch(/^The JSON inside <tool_call> is not valid JSON: \S/);
    const nested = readJsonCall('{"function": {"name": "a"}}', 'tag');
    expect(!nested.ok && nested.detail).toMatch(/nested under "function"/);
    const many = readJsonCall('{"name": "a"} {"name": "b"}', 'tag');
    expect(!many.ok && many.detail).toMatch(/holds 2 JSON objects/);
  });
});

describe('XML pieces', () => {
  it('finds the first non-empty function name, trimmed', () => {
    expect(findXmlFunctionName('x <function=> <function= a b >')).toBe('a b');
    expect(findXmlFunctionName('<function=a')).toBeUndefined();
    expect(findXmlFunctionName('no function')).toBeUndefined();
  });

  it('parses parameters as trimmed strings; __proto__ is an ordinary key', () => {
    const args = parseXmlParameters(
      '<parameter=__proto__> {"x": 1} </parameter><parameter=b>\n2\n</parameter>',
    );
    expect(Object.keys(args)).toEqual(['__proto__', 'b']);
    expect(args['b']).toBe('2');
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('findFencedJson', () => {
  it('backtracks like the regex when no closing fence follows: empty content', () => {
    const token = findFencedJson('```json\n\n```', 0, newFencedJsonMemo());
    expect(token).toMatchObject({ start: 0, end: 12, contentStart: 8, contentEnd: 8 });
  });

  it('needs a newline after the label', () => {
    expect(findFencedJson('```json {"name": "a"}\n```', 0, newFencedJsonMemo())).toBeUndefined();
  });
});

describe('cutSpans', () => {
  it('joins the pieces directly, in any order, overlaps cut once', () => {
    expect(
      cutSpans('a<x>b<y>c', [
        { start: 5, end: 8 },
        { start: 1, end: 4 },
      ]),
    ).toBe('abc');
    expect(
      cutSpans('abcdef', [
        { start: 1, end: 4 },
        { start: 2, end: 5 },
      ]),
    ).toBe('af');
    expect(cutSpans('abc', [{ start: -5, end: 99 }])).toBe('');
    expect(cutSpans('abc', [])).toBe('abc');
  });
});

describe('shorten', () => {
  it('keeps the first line, at most max characters, never half a surrogate pair', () => {
    expect(shorten('short')).toBe('short');
    expect(shorten('line one\nline two')).toBe('line one…');
    expect(shorten('x'.repeat(150))).toBe(`${'x'.repeat(100)}…`);
    expect(shorten(`${'x'.repeat(99)}😀tail`)).toBe(`${'x'.repeat(99)}…`);
  });
});

describe('near-miss spans', () => {
  it('cover the whole block inside a tag, the tag alone when unclosed, the fence otherwise', () => {
    const input = 'a <tool_call>{"tool": "x"}</tool_call> b <tool_call> c\n```\n{"name": "d"}\n```';
    const misses = parseToolCalls(input).nearMisses;
    expect(misses.map((m) => [m.kind, input.slice(m.start, m.end)])).toEqual([
      ['tool-key', '<tool_call>{"tool": "x"}</tool_call>'],
      ['unclosed-tag', '<tool_call>'],
      ['unlabelled-fence', '```\n{"name": "d"}\n```'],
    ]);
  });

  it('a call inside a fence near miss evicts the near miss', () => {
    const input =
      '```\n{"name": "a", "x": "<function=b><parameter=p>1</parameter></function></tool_call>"}\n```';
    const result = parseToolCalls(input);
    expect(result.calls.map((c) => c.name)).toEqual(['b']);
    expect(result.nearMisses).toEqual([]);
  });
});
