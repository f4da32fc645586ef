import { describe, expect, it } from 'vitest';
import { findKeyword } from '../../../../src/core/scoring/findKeyword.ts';
import { scoreKeywords } from '../../../../src/core/scoring/scoreKeywords.ts';
import { caseWith } from './fixtures.ts';

describe('findKeyword', () => {
  it('matches substrings case-insensitively by default (Punie)', () => {
    expect(findKeyword('Works RECURSIVELY', 'recursive')).toBe(true);
    expect(findKeyword('nothing here', 'recursive')).toBe(false);
    expect(findKeyword('any text', '')).toBe(true);
  });

  it('whole-word: "recursive" does not match "recursively", but a later whole occurrence counts', () => {
    expect(findKeyword('works recursively', 'recursive', { wholeWord: true })).toBe(false);
    expect(findKeyword('works recursively; it is Recursive.', 'recursive', { wholeWord: true })).toBe(true);
    expect(findKeyword('nonrecursive', 'recursive', { wholeWord: true })).toBe(false);
    expect(findKeyword('recursive_fn', 'recursive', { wholeWord: true })).toBe(false);
    expect(findKeyword('recursive2', 'recursive', { wholeWord: true })).toBe(false);
  });

  it('whole-word: keywords with punctuation match, including at the ends of the text', () => {
    expect(findKeyword('Binary search is O(log n).', 'O(log n)', { wholeWord: true })).toBe(true);
    expect(findKeyword('O(log n)', 'O(log n)', { wholeWord: true })).toBe(true);
    expect(findKeyword('(O(log n))', 'o(log n)', { wholeWord: true })).toBe(true);
    expect(findKeyword('xO(log n)', 'O(log n)', { wholeWord: true })).toBe(false);
    expect(findKeyword('O(log n)x', 'O(log n)', { wholeWord: true })).toBe(false);
    expect(findKeyword('use 127.0.0.1 here', '127.0.0.1', { wholeWord: true })).toBe(true);
    expect(findKeyword('1127.0.0.1', '127.0.0.1', { wholeWord: true })).toBe(false);
  });

  it('whole-word is Unicode-aware (letters with accents, non-Latin scripts, astral letters)', () => {
    expect(findKeyword('café', 'caf', { wholeWord: true })).toBe(false);
    expect(findKeyword('cafe\u0301', 'cafe', { wholeWord: true })).toBe(false); // combining accent
    expect(findKeyword('список', 'спис', { wholeWord: true })).toBe(false);
    expect(findKeyword('это список.', 'СПИСОК', { wholeWord: true })).toBe(true);
    expect(findKeyword('\u{1D49C}word', 'word', { wholeWord: true })).toBe(false); // 𝒜 is a letter
    expect(findKeyword('😀word😀', 'word', { wholeWord: true })).toBe(true);
  });
});

describe('scoreKeywords', () => {
  it('scores the fraction found, substring mode by default', () => {
    const testCase = caseWith({ expected_keywords: ['def', 'recursive', 'absent'] });
    const verdict = scoreKeywords(testCase, 'def fact(n): # recursively');
    expect(verdict.score).toBeCloseTo(2 / 3, 12);
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual(['missing_keyword:absent']);
  });

  it('honours keywords_whole_word', () => {
    const testCase = caseWith({ expected_keywords: ['recursive', 'O(log n)'], keywords_whole_word: true });
    const verdict = scoreKeywords(testCase, 'It runs recursively in O(log n).');
    expect(verdict.score).toBe(0.5);
    expect(verdict.reasons).toEqual(['missing_keyword:recursive']);
  });

  it('passes with every keyword and scores 1 without keywords', () => {
    expect(scoreKeywords(caseWith({ expected_keywords: ['a'] }), 'A').passed).toBe(true);
    expect(scoreKeywords(caseWith(), '')).toEqual({
      score: 1,
      passed: true,
      reasons: [],
    });
  });
});
