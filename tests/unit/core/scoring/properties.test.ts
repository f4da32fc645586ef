import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallFormat, ToolCall } from '../../../../src/core/parser/types.ts';
import { scoreAnswer } from '../../../../src/core/scoring/scoreAnswer.ts';
import { scoreCalls } from '../../../../src/core/scoring/scoreCalls.ts';
import { scoreCase } from '../../../../src/core/scoring/scoreCase.ts';
import { scoreKeywords } from '../../../../src/core/scoring/scoreKeywords.ts';
import { scorePunie } from '../../../../src/core/scoring/scorePunie.ts';
import type { Verdict } from '../../../../src/core/report/schema.ts';
import type { Suite, SuiteCase } from '../../../../src/core/suite/types.ts';
import { parsedWith, TOOLS } from './fixtures.ts';

const CASES: SuiteCase[] = [
  {
    id: 'everything',
    category: 'c',
    prompt: 'p',
    expected_tools: ['read_file', 'search'],
    expected_keywords: ['O(log n)', 'recursive', ''],
    keywords_whole_word: true,
    expected_calls: [
      { name: 'read_file', arguments: { path: { regex: '^/etc/' } } },
      {
        name: 'search',
        arguments: {
          query: { one_of: ['a', 'b'] },
          limit: { type: 'integer' },
          mode: { equals: 'fast', optional: true },
          filters: { regex: '(bad' },
        },
      },
    ],
    answer: { regex: '^\\d+$' },
  },
  { id: 'exact', category: 'c', prompt: 'p', expected_calls: [{ name: 'search' }], call_order: 'exact' },
  { id: 'none', category: 'c', prompt: 'p', expect_no_call: true, answer: { equals: 'x' } },
  { id: 'bad-answer-regex', category: 'c', prompt: 'p', answer: { regex: '[' } },
];
const SUITE: Suite = {
  id: 's',
  version: '1',
  description: 'd',
  system_prompt: 'p',
  tools: TOOLS,
  cases: CASES,
};

const arbitraryCall: fc.Arbitrary<ToolCall> = fc.record({
  name: fc.constantFrom('read_file', 'search', 'write_file', 'other', ''),
  arguments: fc.dictionary(
    fc.constantFrom('path', 'query', 'limit', 'mode', 'filters', 'x', '__proto__'),
    fc.jsonValue(),
  ),
  format: fc.constantFrom<CallFormat>('tagged-json', 'tagged-xml', 'broken-xml', 'fenced-json'),
  start: fc.constant(0),
  end: fc.constant(0),
});

// Output that looks like what models write, so the parser finds calls in some of it.
const outputPiece = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>',
    '<tool_call><function=search><parameter=query>a</parameter><parameter=limit>4.5</parameter></function></tool_call>',
    '<function=search><parameter=limit>[1</parameter></function></tool_call>',
    '```json\n{"name": "search", "arguments": {"query": "b", "limit": 3}}\n```',
    'Answer: 42',
    '**Answer:**',
    'O(log n)',
    '<tool_call>{',
  ),
);
const output = fc.array(outputPiece, { maxLength: 6 }).map((pieces) => pieces.join('\n'));

function expectValid(verdict: Pick<Verdict, 'score' | 'passed' | 'reasons'>): void {
  expect(verdict.score).toBeGreaterThanOrEqual(0);
  expect(verdict.score).toBeLessThanOrEqual(1);
  expect(verdict.passed).toBe(verdict.score === 1 && verdict.reasons.length === 0);
}

describe('scorer properties', () => {
  it('scorePunie / scoreCalls / scoreAnswer / scoreKeywords never throw and score in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASES),
        fc.string({ unit: 'grapheme' }),
        fc.array(arbitraryCall, { maxLength: 5 }),
        (testCase, text, calls) => {
          const parsed = parsedWith(...calls);
          expectValid(scorePunie(testCase, text, parsed));
          expectValid(scoreCalls(testCase, TOOLS, parsed));
          expectValid(scoreAnswer(testCase, text));
          expectValid(scoreKeywords(testCase, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scoreCase never rejects on arbitrary output; scores in [0, 1]; passed implies no reasons', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CASES),
        fc.option(output),
        fc.option(fc.string()),
        async (testCase, text, error) => {
          const scored = await scoreCase(SUITE, testCase, text, error === null ? {} : { error });
          expect(scored.score).toBeGreaterThanOrEqual(0);
          expect(scored.score).toBeLessThanOrEqual(1);
          scored.verdicts.forEach(expectValid);
          if (scored.passed) expect(scored.reasons).toEqual([]);
          else expect(scored.reasons.length).toBeGreaterThan(0);
          if (text === null || error !== null) expect(scored.score).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
