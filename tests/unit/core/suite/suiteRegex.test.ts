import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../../src/core/scoring/checkCall.ts';
import { scoreAnswer } from '../../../../src/core/scoring/scoreAnswer.ts';
import {
  SUITE_REGEX_MAX_LENGTH,
  SUITE_REGEX_MAX_PROGRAM,
  compileSuiteRegex,
} from '../../../../src/core/suite/suiteRegex.ts';
import { validateSuite } from '../../../../src/core/suite/validateSuite.ts';
import { CLASSIC_PATTERNS } from '../../../fixtures/redos/classicPatterns.ts';
import { call, caseWith, TOOLS } from '../scoring/fixtures.ts';
import { suiteData } from './fixtures.ts';

describe('suite regexes run on a linear-time engine', () => {
  it.each(CLASSIC_PATTERNS)('$name: $pattern gives the right verdict on 10,000 characters', (p) => {
    const compiled = compileSuiteRegex(p.pattern);
    if (!compiled.ok) throw new Error(compiled.error);
    expect(p.input).toHaveLength(10_000);
    expect(compiled.regex.test(p.input)).toBe(p.matches);
  });

  it.each(CLASSIC_PATTERNS)('$name as an answer regex scores on 10,000 characters', (p) => {
    const testCase = caseWith({ answer: { regex: p.pattern } });
    const outcome = scoreAnswer(testCase, `Answer: ${p.input}`);
    // The answer is lower-cased and matched case-insensitively; these inputs are lower-case already.
    expect(outcome.passed).toBe(p.matches);
    expect(outcome.reasons).toEqual(p.matches ? [] : ['answer_mismatch']);
  });

  it.each(CLASSIC_PATTERNS)('$name as an argument matcher checks a 10,000-character value', (p) => {
    const expected = { name: 'run_command', arguments: { command: { regex: p.pattern } } };
    const failures = checkCall(expected, call('run_command', { command: p.input }), TOOLS[2]);
    expect(failures).toEqual(p.matches ? [] : ['value:command']);
  });

  it('matches as a search, case-insensitively only when asked', () => {
    const plain = compileSuiteRegex('b+c');
    const folded = compileSuiteRegex('b+c', { caseInsensitive: true });
    if (!plain.ok || !folded.ok) throw new Error('does not compile');
    expect(plain.regex.test('abbbcd')).toBe(true);
    expect(plain.regex.test('ABBC')).toBe(false);
    expect(folded.regex.test('ABBC')).toBe(true);
    expect(compileSuiteRegex('^.$').ok && compileSuiteRegex('^.$')).toMatchObject({ ok: true });
  });
});

describe('patterns outside the dialect are refused with the reason', () => {
  it.each([
    ['(a)\\1', 'backreferences (\\1) are not supported'],
    ['(?<x>a)\\k<x>', 'named backreferences'],
    ['a(?=b)', 'lookahead ((?=…) is not supported'],
    ['a(?!b)', 'lookahead ((?!…) is not supported'],
    ['(?<=a)b', 'lookbehind ((?<=…) is not supported'],
    ['(?<!a)b', 'lookbehind ((?<!…) is not supported'],
    ['(unclosed', 'missing closing )'],
    ['a{5000}', 'invalid repeat count'],
    ['(?:a?){1000}(?:b?){1000}', `the limit is ${SUITE_REGEX_MAX_PROGRAM}`],
    ['a'.repeat(SUITE_REGEX_MAX_LENGTH + 1), `the limit is ${SUITE_REGEX_MAX_LENGTH}`],
  ])('%s', (pattern, reason) => {
    const compiled = compileSuiteRegex(pattern);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error).toContain(reason);
  });

  it('does not mistake escaped or bracketed text for lookaround or backreferences', () => {
    for (const pattern of ['\\(?=x', '[(?=]', '\\\\1x', '[]a]']) {
      expect(compileSuiteRegex(pattern), pattern).toMatchObject({ ok: true });
    }
  });

  it('suite validation names the path, the pattern and the reason', () => {
    const data = suiteData();
    data.cases[3]!.answer = { regex: '^(\\d)\\1$' };
    const result = validateSuite(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === 'cases[3].answer.regex');
    expect(issue?.message).toBe(
      'invalid regular expression "^(\\\\d)\\\\1$": backreferences (\\1) are not supported: suite patterns use the linear-time RE2 dialect',
    );
  });

  it('a pattern outside the dialect scores invalid_regex, never a crash', () => {
    expect(scoreAnswer(caseWith({ answer: { regex: '(?=4)4' } }), 'Answer: 4').reasons).toEqual([
      'invalid_regex:answer',
    ]);
  });
});

describe('the bundled suites keep their verdicts', () => {
  const patterns: { file: string; pattern: string; caseInsensitive: boolean }[] = [];
  for (const file of ['punie-baseline', 'tool-calling', 'coding-core', 'python-functions']) {
    const text = readFileSync(new URL(`../../../../suites/${file}.json`, import.meta.url), 'utf8');
    const suite = JSON.parse(text) as {
      cases: {
        answer?: { regex?: string };
        expected_calls?: { arguments?: Record<string, { regex?: string }> }[];
      }[];
    };
    for (const c of suite.cases) {
      if (c.answer?.regex !== undefined)
        patterns.push({ file, pattern: c.answer.regex, caseInsensitive: true });
      for (const expected of c.expected_calls ?? []) {
        for (const matcher of Object.values(expected.arguments ?? {})) {
          if (matcher.regex !== undefined)
            patterns.push({ file, pattern: matcher.regex, caseInsensitive: false });
        }
      }
    }
  }

  it('has patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(50);
  });

  it('RE2 and RegExp agree on strings built from each pattern’s own characters', () => {
    for (const { file, pattern, caseInsensitive } of patterns) {
      const compiled = compileSuiteRegex(pattern, { caseInsensitive });
      if (!compiled.ok) throw new Error(`${file}: ${pattern}: ${compiled.error}`);
      const native = new RegExp(pattern, caseInsensitive ? 'iu' : 'u');
      // Letters, digits and punctuation the pattern names, plus the whitespace both engines share.
      const alphabet = [...new Set([...pattern.replaceAll('\\', ''), ' ', '\t', '\n', 'a', '1'])];
      const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((chars) => chars.join(''));
      fc.assert(
        fc.property(text, (s) => compiled.regex.test(s) === native.test(s)),
        { numRuns: 200, seed: 16 },
      );
    }
  });
});
