import { defineScorer } from './scorer.ts';
import type { SuiteCase } from '../suite/types.ts';
import { compileRegex } from './compileRegex.ts';
import { extractAnswer, stripWrapping } from './extractAnswer.ts';
import { normalizeAnswer } from './normalizeAnswer.ts';
import type { ScorerOutcome } from './scorer.ts';

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
export function scoreAnswer(testCase: SuiteCase, output: string): ScorerOutcome {
  const expectation = testCase.answer;
  if (expectation === undefined) return { score: 1, passed: true, reasons: [] };
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

function pass(): ScorerOutcome {
  return { score: 1, passed: true, reasons: [] };
}

function fail(reason: string): ScorerOutcome {
  return { score: 0, passed: false, reasons: [reason] };
}

/** The final-answer scorer, for cases with `answer`. */
export const answerScorer = defineScorer({
  kind: 'answer',
  label: 'Answer',
  describe: 'The final "Answer:" line compared with the expected answer after normalisation.',
  applies: (c) => c.answer !== undefined,
  score: ({ testCase, output }) => scoreAnswer(testCase, output),
  reasons: {
    answer_mismatch: () => 'the final answer is wrong',
    no_answer: () => 'no final answer',
    invalid_regex: () => "the suite's regular expression for the answer does not compile",
  },
});
