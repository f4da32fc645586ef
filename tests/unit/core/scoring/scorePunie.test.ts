import { describe, expect, it } from 'vitest';
import { scorePunie } from '../../../../src/core/scoring/scorePunie.ts';
import { call, caseWith, parsedWith } from './fixtures.ts';

describe('scorePunie', () => {
  it('scores 1 when the case expects neither tools nor keywords', () => {
    expect(scorePunie(caseWith(), 'anything', parsedWith())).toEqual({
      score: 1,
      passed: true,
      reasons: [],
    });
  });

  it('treats empty expectation lists as absent', () => {
    const verdict = scorePunie(caseWith({ expected_tools: [], expected_keywords: [] }), '', parsedWith());
    expect(verdict.score).toBe(1);
  });

  it('tool score is |expected ∩ called| / |expected|, duplicates and extra calls free', () => {
    const testCase = caseWith({ expected_tools: ['read_file', 'write_file'] });
    const parsed = parsedWith(call('read_file'), call('read_file'), call('run_command'));
    const verdict = scorePunie(testCase, '', parsed);
    expect(verdict.score).toBe(0.5);
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual(['missing_tool:write_file']);
  });

  it('counts expected tool names as a set', () => {
    const verdict = scorePunie(
      caseWith({ expected_tools: ['read_file', 'read_file'] }),
      '',
      parsedWith(call('read_file')),
    );
    expect(verdict.score).toBe(1);
  });

  it('keyword score is the fraction found as case-insensitive substrings of the raw output', () => {
    const testCase = caseWith({ expected_keywords: ['def', 'recursive', 'O(log n)', 'missing'] });
    const verdict = scorePunie(testCase, 'DEF f(): works RECURSIVELY in o(LOG N)', parsedWith());
    expect(verdict.score).toBe(0.75);
    expect(verdict.reasons).toEqual(['missing_keyword:missing']);
  });

  it('averages the tool and keyword scores when both exist', () => {
    const testCase = caseWith({
      expected_tools: ['read_file'],
      expected_keywords: ['localhost', '127.0.0.1'],
    });
    const verdict = scorePunie(testCase, 'It maps localhost.', parsedWith(call('read_file')));
    expect(verdict.score).toBe(0.75);
    expect(verdict.reasons).toEqual(['missing_keyword:127.0.0.1']);
  });

  it('lists missing tools before missing keywords and fails with 0 when nothing matches', () => {
    const testCase = caseWith({ expected_tools: ['read_file'], expected_keywords: ['x'] });
    const verdict = scorePunie(testCase, '', parsedWith());
    expect(verdict).toEqual({
      score: 0,
      passed: false,
      reasons: ['missing_tool:read_file', 'missing_keyword:x'],
    });
  });
});
