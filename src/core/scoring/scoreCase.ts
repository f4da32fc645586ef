import { parseToolCalls } from '../parser/index.ts';
import type { ParseResult } from '../parser/types.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';
import { scoreAnswer } from './scoreAnswer.ts';
import { scoreCalls } from './scoreCalls.ts';
import { scoreKeywords } from './scoreKeywords.ts';
import { scorePunie } from './scorePunie.ts';
import { scorerKinds, scorers } from './scorers.ts';
import type { CaseScore, ScorerKind, Verdict } from './types.ts';

/** Options of {@link scoreCase}. */
export interface ScoreCaseOptions {
  /** The engine's error for this case: the case then scores 0 and is unsuccessful. */
  error?: string;
}

const EMPTY_PARSE: ParseResult = { text: '', calls: [], nearMisses: [] };

/**
 * Scores one case: parses `output` with the shared parser, runs every scorer the case's
 * expectations call for (Punie always; then calls, answer, keywords when they apply — see
 * `scorers[kind].applies`) and builds the `CaseScore`.
 *
 * - headline `score` = the Punie verdict's score;
 * - `passed` = every verdict passed and there is no error;
 * - `reasons` = every failing verdict's reasons prefixed with its kind (`calls:missing_required:path`),
 *   in scorer order, then `error:<message>`.
 *
 * `output === null` is the error `no output`. With an error every applicable verdict scores 0 with
 * the reason `error` (so `reasons` holds `punie:error`, … and `error:<message>`), whatever output
 * there was: Punie scores an engine error 0. Pure; never throws.
 */
export function scoreCase(
  suite: Suite,
  testCase: SuiteCase,
  output: string | null,
  options: ScoreCaseOptions = {},
): CaseScore {
  const error = options.error ?? (output === null ? 'no output' : undefined);
  const parsed = output === null ? EMPTY_PARSE : parseToolCalls(output);
  const kinds = scorerKinds.filter((kind) => scorers[kind].applies(testCase));
  const verdicts = kinds.map((kind): Verdict => {
    if (error !== undefined || output === null)
      return { scorer: kind, score: 0, passed: false, reasons: ['error'] };
    return runScorer(kind, suite, testCase, output, parsed);
  });

  const reasons = verdicts.flatMap((verdict) =>
    verdict.reasons.map((reason) => `${verdict.scorer}:${reason}`),
  );
  if (error !== undefined) reasons.push(`error:${error}`);
  const punie = verdicts.find((verdict) => verdict.scorer === 'punie');
  const result: CaseScore = {
    id: testCase.id,
    category: testCase.category,
    score: punie?.score ?? 0,
    passed: error === undefined && verdicts.every((verdict) => verdict.passed),
    reasons,
    verdicts,
    parsed,
  };
  if (error !== undefined) result.error = error;
  return result;
}

function runScorer(
  kind: ScorerKind,
  suite: Suite,
  testCase: SuiteCase,
  output: string,
  parsed: ParseResult,
): Verdict {
  switch (kind) {
    case 'punie':
      return scorePunie(testCase, output, parsed);
    case 'calls':
      return scoreCalls(testCase, suite.tools, parsed);
    case 'answer':
      return scoreAnswer(testCase, output);
    case 'keywords':
      return scoreKeywords(testCase, output);
  }
}
