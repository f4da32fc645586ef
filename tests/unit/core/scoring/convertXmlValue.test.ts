import { describe, expect, it } from 'vitest';
import { convertXmlValue } from '../../../../src/core/scoring/convertXmlValue.ts';
import { declaredTypes, valueHasType } from '../../../../src/core/scoring/valueHasType.ts';

describe('convertXmlValue', () => {
  it('converts integers and numbers from JSON number text', () => {
    expect(convertXmlValue('42', ['integer'])).toEqual({ ok: true, value: 42 });
    expect(convertXmlValue(' -7 ', ['integer'])).toEqual({ ok: true, value: -7 });
    expect(convertXmlValue('4.0', ['integer'])).toEqual({ ok: true, value: 4 });
    expect(convertXmlValue('2.5', ['number'])).toEqual({ ok: true, value: 2.5 });
    expect(convertXmlValue('1e3', ['number'])).toEqual({ ok: true, value: 1000 });
  });

  it('fails on text that is not a JSON number, or not an integer for integer', () => {
    for (const text of ['2.5', 'forty-two', '0x10', '1_000', '', 'Infinity', '+1', '01']) {
      expect(convertXmlValue(text, ['integer'])).toEqual({ ok: false });
    }
    expect(convertXmlValue('1e999', ['number'])).toEqual({ ok: false });
    expect(convertXmlValue('abc', ['number'])).toEqual({ ok: false });
  });

  it('converts booleans in any letter case', () => {
    expect(convertXmlValue('true', ['boolean'])).toEqual({ ok: true, value: true });
    expect(convertXmlValue('False', ['boolean'])).toEqual({ ok: true, value: false });
    expect(convertXmlValue('yes', ['boolean'])).toEqual({ ok: false });
    expect(convertXmlValue('1', ['boolean'])).toEqual({ ok: false });
  });

  it('converts arrays and objects from JSON text of the right shape', () => {
    expect(convertXmlValue('["-l", "-a"]', ['array'])).toEqual({ ok: true, value: ['-l', '-a'] });
    expect(convertXmlValue('{"lang": "py"}', ['object'])).toEqual({ ok: true, value: { lang: 'py' } });
    expect(convertXmlValue('{"lang": "py"}', ['array'])).toEqual({ ok: false });
    expect(convertXmlValue('[1]', ['object'])).toEqual({ ok: false });
    expect(convertXmlValue('null', ['object'])).toEqual({ ok: false });
    expect(convertXmlValue('[1, 2', ['array'])).toEqual({ ok: false });
    expect(convertXmlValue('-l -a', ['array'])).toEqual({ ok: false });
  });

  it('keeps strings for string, no type or an unknown type', () => {
    expect(convertXmlValue('42', ['string'])).toEqual({ ok: true, value: '42' });
    expect(convertXmlValue('42', [])).toEqual({ ok: true, value: '42' });
    expect(convertXmlValue('42', ['uuid'])).toEqual({ ok: true, value: '42' });
  });

  it('tries non-string types of a union first, then falls back to the string when allowed', () => {
    expect(convertXmlValue('42', ['string', 'integer'])).toEqual({ ok: true, value: 42 });
    expect(convertXmlValue('abc', ['integer', 'string'])).toEqual({ ok: true, value: 'abc' });
    expect(convertXmlValue('null', ['integer', 'null'])).toEqual({ ok: true, value: null });
    expect(convertXmlValue('abc', ['integer', 'null'])).toEqual({ ok: false });
  });
});

describe('valueHasType / declaredTypes', () => {
  it('accepts an integer as a number but not a fraction as an integer', () => {
    expect(valueHasType(3, 'number')).toBe(true);
    expect(valueHasType(3, 'integer')).toBe(true);
    expect(valueHasType(3.5, 'integer')).toBe(false);
    expect(valueHasType('3', 'number')).toBe(false);
  });

  it('distinguishes booleans, arrays, objects and null', () => {
    expect(valueHasType(true, 'boolean')).toBe(true);
    expect(valueHasType('true', 'boolean')).toBe(false);
    expect(valueHasType([], 'array')).toBe(true);
    expect(valueHasType([], 'object')).toBe(false);
    expect(valueHasType(null, 'object')).toBe(false);
    expect(valueHasType({}, 'object')).toBe(true);
    expect(valueHasType(null, 'null')).toBe(true);
    expect(valueHasType('x', 'string')).toBe(true);
    expect(valueHasType(1, 'whatever')).toBe(true);
  });

  it('reads a single type, a union, or nothing', () => {
    expect(declaredTypes({ type: 'string' })).toEqual(['string']);
    expect(declaredTypes({ type: ['integer', 'null', 3] })).toEqual(['integer', 'null']);
    expect(declaredTypes({})).toEqual([]);
    expect(declaredTypes(undefined)).toEqual([]);
  });
});
