import { describe, expect, it } from 'vitest';
import { argumentEquals } from '../../../../src/core/scoring/argumentEquals.ts';

describe('argumentEquals', () => {
  it('compares strings after trimming, otherwise exactly (case and punctuation count)', () => {
    expect(argumentEquals('/etc/hosts', '  /etc/hosts\n')).toBe(true);
    expect(argumentEquals('Hello World', 'hello world')).toBe(false);
    expect(argumentEquals('Hello World', 'Hello, World')).toBe(false);
    expect(argumentEquals('/etc/hosts', 'etc/hosts')).toBe(false);
    expect(argumentEquals('a  b', 'a b')).toBe(false);
  });

  it('never equates values of different JSON types', () => {
    expect(argumentEquals(42, '42')).toBe(false);
    expect(argumentEquals('42', 42)).toBe(false);
    expect(argumentEquals(true, 'true')).toBe(false);
    expect(argumentEquals(null, {})).toBe(false);
    expect(argumentEquals({}, null)).toBe(false);
    expect(argumentEquals([], {})).toBe(false);
    expect(argumentEquals({}, [])).toBe(false);
  });

  it('compares numbers by value, booleans and null strictly', () => {
    expect(argumentEquals(42, 42.0)).toBe(true);
    expect(argumentEquals(0.1 + 0.2, 0.3)).toBe(false);
    expect(argumentEquals(false, false)).toBe(true);
    expect(argumentEquals(null, null)).toBe(true);
  });

  it('compares arrays in order and objects by key set, at every depth', () => {
    expect(argumentEquals(['-l', '-a'], ['-l', '-a '])).toBe(true);
    expect(argumentEquals(['-l', '-a'], ['-a', '-l'])).toBe(false);
    expect(argumentEquals(['-l'], ['-l', '-a'])).toBe(false);
    expect(argumentEquals({ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 })).toBe(true);
    expect(argumentEquals({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(argumentEquals({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
  });
});
