import { describe, expect, it } from 'vitest';
import { extractAnswer, stripWrapping } from '../../../../src/core/scoring/extractAnswer.ts';
import { normalizeAnswer } from '../../../../src/core/scoring/normalizeAnswer.ts';
import { scoreAnswer } from '../../../../src/core/scoring/scoreAnswer.ts';
import { caseWith } from './fixtures.ts';

describe('extractAnswer', () => {
  it('takes the rest of the line after the last marker, case-insensitive, anywhere in a line', () => {
    expect(extractAnswer('Reasoning...\nAnswer: 42')).toBe('42');
    expect(extractAnswer('answer: 1\nthen more\nANSWER: 2\nbecause reasons')).toBe('2');
    expect(extractAnswer('So the final answer: Paris')).toBe('Paris');
  });

  it('takes the next non-empty line when the marker ends its line', () => {
    expect(extractAnswer('Answer:\n\n  O(log n)\nmore')).toBe('O(log n)');
  });

  it('accepts markdown emphasis around the marker and the value', () => {
    expect(extractAnswer('**Answer:** 42')).toBe('42');
    expect(extractAnswer('**Answer**: *42*')).toBe('42');
    expect(extractAnswer('__Answer__: `x`')).toBe('x');
  });

  it('does not take a word ending in "answer" for the marker', () => {
    expect(extractAnswer('reanswer: no')).toBe('reanswer: no');
  });

  it('uses the whole output when there is no marker', () => {
    expect(extractAnswer('  just 42  ')).toBe('just 42');
  });

  it('gives an empty answer when nothing follows the marker', () => {
    expect(extractAnswer('Answer:')).toBe('');
    expect(extractAnswer('Answer:   \n  \n')).toBe('');
  });
});

describe('stripWrapping', () => {
  it('strips backticks, quotes (straight and curly), emphasis and one trailing period, repeatedly', () => {
    expect(stripWrapping('`42`')).toBe('42');
    expect(stripWrapping('```42```')).toBe('42');
    expect(stripWrapping('"Paris".')).toBe('Paris');
    expect(stripWrapping("'Paris'")).toBe('Paris');
    expect(stripWrapping('“Paris”')).toBe('Paris');
    expect(stripWrapping('‘Paris’')).toBe('Paris');
    expect(stripWrapping('**`"42"`**.')).toBe('42');
    expect(stripWrapping('_x_')).toBe('x');
  });

  it('keeps inner punctuation, an ellipsis, and unmatched wrappers', () => {
    expect(stripWrapping('3.14')).toBe('3.14');
    expect(stripWrapping('wait...')).toBe('wait...');
    expect(stripWrapping('"unbalanced')).toBe('"unbalanced');
    expect(stripWrapping('`')).toBe('`');
    expect(stripWrapping('O(log n).')).toBe('O(log n)');
    expect(stripWrapping('.')).toBe('');
  });

  it('unwraps 100,000 nested backticks (linear, not quadratic)', () => {
    const ticks = '`'.repeat(100_001);
    expect(stripWrapping(ticks + ' x ' + ticks)).toBe('x');
    expect(extractAnswer('Answer: ' + '"'.repeat(50_000) + '42' + '"'.repeat(50_000))).toBe('42');
  });
});

describe('normalizeAnswer', () => {
  it('case-folds, collapses whitespace, trims and applies NFKC', () => {
    expect(normalizeAnswer('  O( LOG\n\t n )  ')).toBe('o( log n )');
    expect(normalizeAnswer('４２')).toBe('42');
  });
});

describe('scoreAnswer', () => {
  it('scores 1 when the case has no answer expectation', () => {
    expect(scoreAnswer(caseWith(), 'x')).toEqual({ score: 1, passed: true, reasons: [] });
  });

  it('equals compares normalised answers, normalising the expected value the same way', () => {
    const testCase = caseWith({ answer: { equals: 'O(log n)' } });
    expect(scoreAnswer(testCase, 'Halving each step.\nAnswer: `o(LOG  n)`.')).toEqual({
      score: 1,
      passed: true,
      reasons: [],
    });
    expect(scoreAnswer(caseWith({ answer: { equals: '"Paris."' } }), 'Answer: paris')).toMatchObject({
      passed: true,
    });
    expect(scoreAnswer(testCase, 'Answer: O(n)')).toEqual({
      score: 0,
      passed: false,
      reasons: ['answer_mismatch'],
    });
  });

  it('equals without a marker compares the whole output', () => {
    expect(scoreAnswer(caseWith({ answer: { equals: '42' } }), ' 42\n').passed).toBe(true);
    expect(scoreAnswer(caseWith({ answer: { equals: '42' } }), 'It is 42').reasons).toEqual([
      'answer_mismatch',
    ]);
  });

  it('regex is a case-insensitive search on the normalised answer', () => {
    const testCase = caseWith({ answer: { regex: '\\b42\\b' } });
    expect(scoreAnswer(testCase, 'Answer: about 42 apples').passed).toBe(true);
    expect(scoreAnswer(testCase, 'Answer: 420').reasons).toEqual(['answer_mismatch']);
    expect(scoreAnswer(caseWith({ answer: { regex: '^PARIS$' } }), 'Answer: Paris').passed).toBe(true);
    expect(scoreAnswer(caseWith({ answer: { regex: '^\\p{Lu}' } }), 'Answer: paris').passed).toBe(true);
  });

  it('no_answer when the answer is empty', () => {
    const testCase = caseWith({ answer: { equals: '42' } });
    expect(scoreAnswer(testCase, '').reasons).toEqual(['no_answer']);
    expect(scoreAnswer(testCase, 'Thinking...\nAnswer:').reasons).toEqual(['no_answer']);
    expect(scoreAnswer(testCase, 'Answer: ``').reasons).toEqual(['no_answer']);
  });

  it('a bad regex gives invalid_regex:answer, not a crash', () => {
    expect(scoreAnswer(caseWith({ answer: { regex: '[a-' } }), 'Answer: a')).toEqual({
      score: 0,
      passed: false,
      reasons: ['invalid_regex:answer'],
    });
  });
});
