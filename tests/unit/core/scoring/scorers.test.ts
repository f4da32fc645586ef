import { describe, expect, it } from 'vitest';
import { formatPercent, scorerKinds, scorers } from '../../../../src/core/scoring/scorers.ts';
import { caseWith } from './fixtures.ts';

describe('scorer descriptors', () => {
  it('has one descriptor per kind, keyed by its kind, headline first', () => {
    expect(scorerKinds).toEqual(['punie', 'calls', 'answer', 'keywords']);
    for (const kind of scorerKinds) {
      expect(scorers[kind].kind).toBe(kind);
      expect(scorers[kind].label).not.toBe('');
      expect(scorers[kind].describe).not.toBe('');
    }
  });

  it('says which scorers apply to a case', () => {
    const applying = (testCase: ReturnType<typeof caseWith>) =>
      scorerKinds.filter((k) => scorers[k].applies(testCase));
    expect(applying(caseWith())).toEqual(['punie']);
    expect(applying(caseWith({ expected_keywords: [] }))).toEqual(['punie']);
    expect(applying(caseWith({ expected_calls: [] }))).toEqual(['punie', 'calls']);
    expect(applying(caseWith({ expect_no_call: true }))).toEqual(['punie', 'calls']);
    expect(
      applying(
        caseWith({ expected_calls: [{ name: 'x' }], answer: { equals: '1' }, expected_keywords: ['k'] }),
      ),
    ).toEqual(['punie', 'calls', 'answer', 'keywords']);
  });

  it('formats scores as percentages with one decimal', () => {
    expect(formatPercent(5 / 6)).toBe('83.3 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(NaN)).toBe('–');
    expect(scorers.calls.format(0.75)).toBe('75.0 %');
  });

  it('explains every reason code in plain words, and passes unknown ones through', () => {
    const codes = [
      'missing_tool:read_file',
      'missing_keyword:O(log n)',
      'wrong_name',
      'missing_required:path',
      'unexpected_argument:mode',
      'type:limit',
      'value:path',
      'missing_call',
      'extra_call',
      'call_not_expected',
      'answer_mismatch',
      'no_answer',
      'invalid_regex:answer',
      'error',
    ];
    for (const code of codes) expect(scorers.punie.explain(code)).not.toBe(code);
    expect(scorers.calls.explain('missing_required:path')).toBe('required argument "path" missing');
    expect(scorers.keywords.explain('missing_keyword:a:b')).toBe('keyword "a:b" not found');
    expect(scorers.answer.explain('something_new:x')).toBe('something_new:x');
    expect(scorers.answer.explain('toString')).toBe('toString');
  });
});
