import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bfclEquals, standardizeBfclString } from '../../../../src/core/scoring/bfclEquals.ts';
import { checkCall } from '../../../../src/core/scoring/checkCall.ts';
import { validateSuite } from '../../../../src/core/suite/validateSuite.ts';
import type { ExpectedCall, ToolDefinition } from '../../../../src/core/suite/types.ts';
import { call } from './fixtures.ts';

const weather: ToolDefinition = {
  name: 'get_weather',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      cities: { type: 'array', items: { type: 'string' } },
      place: { type: 'object' },
      days: { type: 'integer' },
    },
  },
};

describe('standardizeBfclString (BFCL standardize_string)', () => {
  it('removes spaces and ,./-_*^, lower-cases and reads \' as "', () => {
    expect(standardizeBfclString('San Francisco, CA')).toBe('sanfranciscoca');
    expect(standardizeBfclString('a.b/c-d_e*f^g h')).toBe('abcdefgh');
    expect(standardizeBfclString("it's")).toBe('it"s');
    // Other white space and other punctuation stay, as in BFCL.
    expect(standardizeBfclString('a\tb\nc')).toBe('a\tb\nc');
    expect(standardizeBfclString('a:b;c!?')).toBe('a:b;c!?');
  });

  it("BFCL's own examples compare equal: dates with and without commas and spaces, case", () => {
    const same = (a: string, b: string) => bfclEquals(a, b);
    expect(same('April 1, 2024', 'April 1,2024')).toBe(true);
    expect(same('April 1, 2024', 'April 1 2024')).toBe(true);
    expect(same('San Francisco', 'SAN FRANCISCO')).toBe(true);
    expect(same('San Francisco', 'san-francisco')).toBe(true);
    expect(same("'quoted'", '"quoted"')).toBe(true);
    expect(same('San Francisco', 'San Jose')).toBe(false);
    expect(same('2024-01-01', '2024/01/02')).toBe(false);
  });

  it('is idempotent and never longer than its input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = standardizeBfclString(text);
        expect(standardizeBfclString(once)).toBe(once);
        expect([...once].length).toBeLessThanOrEqual([...text].length);
      }),
    );
  });
});

describe('bfclEquals', () => {
  it('standardises the string items of arrays and the string values of objects, one level deep', () => {
    expect(bfclEquals(['New York', 'Paris'], ['new york', 'PARIS'])).toBe(true);
    expect(bfclEquals(['New York', 'Paris'], ['Paris', 'New York'])).toBe(false);
    expect(bfclEquals({ city: 'New York', n: 2 }, { city: 'NEW YORK', n: 2.0 })).toBe(true);
    expect(bfclEquals([{ city: 'New York' }], [{ city: 'new-york' }])).toBe(true);
    expect(bfclEquals({ a: { b: 'X' } }, { a: { b: 'x' } })).toBe(false);
  });

  it('keeps JSON types apart and compares other values as the exact rule does', () => {
    expect(bfclEquals('42', 42)).toBe(false);
    expect(bfclEquals(1, 1.0)).toBe(true);
    expect(bfclEquals(true, 'true')).toBe(false);
    expect(bfclEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('matchers with strings: "bfcl"', () => {
  const exact: ExpectedCall = { name: 'get_weather', arguments: { location: { equals: 'San Francisco' } } };
  const bfcl: ExpectedCall = {
    name: 'get_weather',
    arguments: { location: { one_of: ['San Francisco', 'SF'], strings: 'bfcl' } },
  };

  it('equals and one_of compare by BFCL rule only when asked', () => {
    const upper = call('get_weather', { location: 'SAN FRANCISCO' });
    expect(checkCall(exact, upper, weather)).toEqual(['value:location']);
    expect(checkCall(bfcl, upper, weather)).toEqual([]);
    expect(checkCall(bfcl, call('get_weather', { location: 's.f.' }), weather)).toEqual([]);
    expect(checkCall(bfcl, call('get_weather', { location: 'Oakland' }), weather)).toEqual([
      'value:location',
    ]);
    const list: ExpectedCall = {
      name: 'get_weather',
      arguments: { cities: { equals: ['Paris', 'Rome'], strings: 'bfcl' } },
    };
    expect(checkCall(list, call('get_weather', { cities: ['paris', 'ROME'] }), weather)).toEqual([]);
  });

  it('the enum check follows the matcher rule for its parameter', () => {
    const unit: ExpectedCall = {
      name: 'get_weather',
      arguments: { unit: { equals: 'celsius', strings: 'bfcl' } },
    };
    expect(checkCall(unit, call('get_weather', { unit: 'Celsius' }), weather)).toEqual([]);
    const exactUnit: ExpectedCall = { name: 'get_weather', arguments: { unit: { equals: 'celsius' } } };
    expect(checkCall(exactUnit, call('get_weather', { unit: 'Celsius' }), weather)).toEqual(['value:unit']);
  });

  it('is rejected by validation on other matchers and for unknown rules, with the place named', () => {
    const suite = (matcher: unknown) => ({
      id: 's',
      version: '1',
      description: '',
      system_prompt: '',
      tools: [weather],
      cases: [
        {
          id: 'c',
          category: 'x',
          prompt: 'p',
          expected_calls: [{ name: 'get_weather', arguments: { location: matcher } }],
        },
      ],
    });
    const onRegex = validateSuite(suite({ regex: 'x', strings: 'bfcl' }));
    expect(onRegex.ok).toBe(false);
    if (!onRegex.ok)
      expect(onRegex.issues).toContainEqual({
        path: 'cases[0].expected_calls[0].arguments.location',
        message: "'strings' applies to 'equals' and 'one_of' only, not 'regex'",
      });
    const unknownRule = validateSuite(suite({ equals: 'x', strings: 'loose' }));
    expect(unknownRule.ok).toBe(false);
    if (!unknownRule.ok) expect(unknownRule.issues[0]?.message).toMatch(/"exact" or "bfcl"/);
    expect(validateSuite(suite({ equals: 'x', strings: 'bfcl' })).ok).toBe(true);
  });
});
