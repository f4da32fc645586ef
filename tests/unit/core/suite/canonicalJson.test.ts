import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../../../src/core/suite/canonicalJson.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 0, y: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":1,"z":0}]},"b":1}',
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+00E9 (é) sorts before U+1F600 (😀, high surrogate D83D), which sorts before U+FB01 (ﬁ).
    expect(canonicalJson({ '\uFB01': 1, '😀': 2, é: 3, Z: 4, a: 5 })).toBe(
      '{"Z":4,"a":5,"é":3,"😀":2,"ﬁ":1}',
    );
  });

  it('escapes strings exactly as JSON.stringify does: non-ASCII kept, control characters escaped', () => {
    expect(canonicalJson('héllo 😀 \u2028')).toBe('"héllo 😀 \u2028"');
    expect(canonicalJson('quote " backslash \\ tab \t nl \n nul \u0000 del \u007f')).toBe(
      '"quote \\" backslash \\\\ tab \\t nl \\n nul \\u0000 del \u007f"',
    );
    expect(canonicalJson('lone \uD800 surrogate')).toBe('"lone \\ud800 surrogate"');
  });

  it('prints numbers as JSON.stringify does', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 1e-7, 0.1 + 0.2, 100])).toBe(
      '[1,1.5,0,1e+21,1e-7,0.30000000000000004,100]',
    );
  });

  it('skips undefined members and writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, () => 1], c: 1 })).toBe('{"b":[null,null],"c":1}');
  });

  it.each([
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', { a: Infinity }],
    ['a bigint', 1n],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
  ])('throws CanonicalJsonError for %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
  });

  it('throws CanonicalJsonError for a cycle but accepts shared references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
  });

  it('equals JSON.stringify for values whose keys are already sorted', () => {
    const value = { a: [1, 'x', true, null, { b: 'é\n' }], c: -2.5 };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });
});
