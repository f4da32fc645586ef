import type { SuiteCase } from '../suite/types.ts';
import { compileRegex } from './compileRegex.ts';
import { extractAnswer, stripWrapping } from './extractAnswer.ts';
import { normalizeAnswer } from './normalizeAnswer.ts';
import type { Verdict } from './types.ts';

/**
 * Scores the case's `answer` expectation against the final answer of `output`
 * ({@link extractAnswer}, then {@link normalizeAnswer}).
 *
 * - `equals`: the normalised answer equals the expected value after the same stripping and
 *   normalisation (so `Answer: "Paris".` matches `paris`);
 * - `regex`: a search (like Python's `re.search`; anchor with `^…$` for a full match) with flags
 *   `iu` against the normalised answer.
 *
 * Score 1 or 0. Reasons: `no_answer` (the answer is empty), `answer_mismatch`, and
 * `invalid_regex:answer` (the suite's pattern does not compile). A case without `answer` scores 1.
 * Pure; never throws.
 */
export function scoreAnswer(testCase: SuiteCase, output: string): Verdict {
  const expectation = testCase.answer;
  if (expectation === undefined) return { scorer: 'answer', score: 1, passed: true, reasons: [] };
  const answer = normalizeAnswer(extractAnswer(output));
  if (answer === '') return fail('no_answer');
  if ('equals' in expectation) {
    return normalizeAnswer(stripWrapping(String(expectation.equals))) === answer
      ? pass()
      : fail('answer_mismatch');
  }
  const compiled = compileRegex(expectation.regex, 'iu');
  if (!compiled.ok) return fail('invalid_regex:answer');
  return compiled.regex.test(answer) ? pass() : fail('answer_mismatch');
}

function pass(): Verdict {
  return { scorer: 'answer', score: 1, passed: true, reasons: [] };
}

function fail(reason: string): Verdict {
  return { scorer: 'answer', score: 0, passed: false, reasons: [reason] };
}
