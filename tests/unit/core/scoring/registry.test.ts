import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../../src/core/format/formatFigures.ts';
import { ScorerKindSchema } from '../../../../src/core/report/verdictSchema.ts';
import { explainReason } from '../../../../src/core/report/explainReason.ts';
import { SCORER_KINDS, SCORERS, scorerOf } from '../../../../src/core/scoring/registry.ts';
import { caseWith } from './fixtures.ts';

describe('the scorer registry', () => {
  it('lists one scorer per kind, headline first, and the report schema takes exactly those kinds', () => {
    expect(SCORER_KINDS).toEqual(['punie', 'calls', 'answer', 'keywords', 'exec']);
    for (const scorer of SCORERS) {
      expect(scorerOf(scorer.kind)).toBe(scorer);
      expect(scorer.label).not.toBe('');
      expect(scorer.describe).not.toBe('');
      expect(v.is(ScorerKindSchema, scorer.kind)).toBe(true);
    }
    expect(v.is(ScorerKindSchema, 'exact')).toBe(false);
    expect(scorerOf('toString')).toBeUndefined();
  });

  it('says which scorers apply to a case', () => {
    const applying = (testCase: ReturnType<typeof caseWith>) =>
      SCORERS.filter((s) => s.applies(testCase)).map((s) => s.kind);
    expect(applying(caseWith())).toEqual(['punie']);
    expect(applying(caseWith({ expected_keywords: [] }))).toEqual(['punie']);
    expect(applying(caseWith({ expected_calls: [] }))).toEqual(['punie', 'calls']);
    expect(applying(caseWith({ expect_no_call: true }))).toEqual(['punie', 'calls']);
    expect(
      applying(
        caseWith({ expected_calls: [{ name: 'x' }], answer: { equals: '1' }, expected_keywords: ['k'] }),
      ),
    ).toEqual(['punie', 'calls', 'answer', 'keywords']);
    expect(applying(caseWith({ execution: { tests: 'assert f() == 1' } }))).toEqual(['punie', 'exec']);
  });

  it('formats scores as percentages with one decimal', () => {
    expect(formatPercent(5 / 6)).toBe('83.3 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(NaN)).toBe('–');
  });

  it("explains every reason code through its scorer's table, and passes unknown ones through", () => {
    const codes: [string, string][] = [
      ['punie', 'missing_tool:read_file'],
      ['punie', 'missing_keyword:O(log n)'],
      ['calls', 'wrong_name'],
      ['calls', 'missing_required:path'],
      ['calls', 'unexpected_argument:mode'],
      ['calls', 'type:limit'],
      ['calls', 'value:path'],
      ['calls', 'missing_call'],
      ['calls', 'extra_call'],
      ['calls', 'call_not_expected'],
      ['calls', 'invalid_regex:path'],
      ['answer', 'answer_mismatch'],
      ['answer', 'no_answer'],
      ['answer', 'invalid_regex:answer'],
      ['keywords', 'missing_keyword:def'],
      ['keywords', 'error'],
      ['exec', 'no_code'],
      ['exec', 'no_executor'],
      ['exec', 'assertion_failed:AssertionError at line 3'],
      ['exec', 'timeout:after 5000 ms'],
    ];
    for (const [kind, code] of codes) expect(explainReason(kind, code)).not.toBe(code);
    expect(explainReason('calls', 'missing_required:path')).toBe('required argument "path" missing');
    expect(explainReason('keywords', 'missing_keyword:a:b')).toBe('keyword "a:b" not found');
    expect(explainReason('exec', 'syntax_error:invalid syntax at line 2')).toBe(
      'syntax error: invalid syntax at line 2',
    );
    expect(explainReason('answer', 'something_new:x')).toBe('something_new:x');
    expect(explainReason('answer', 'toString')).toBe('toString');
    expect(explainReason('some-future-scorer', 'wrong_name')).toBe('wrong_name');
  });
});
