import { parseToolCalls } from '../parser/index.ts';
import type { ParseResult } from '../parser/types.ts';
import type { Verdict } from '../report/schema.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';
import { DEFAULT_HEADLINE_RULE, type HeadlineRule } from './headline.ts';
import { SCORERS } from './registry.ts';
import type { ScoreContext, ScoringServices } from './scorer.ts';
import type { CaseScore } from './types.ts';

/** Options of {@link scoreCase}. */
export interface ScoreCaseOptions {
  /** The engine's error for this case: the case then scores 0 and is unsuccessful. */
  error?: string;
  /** The Python sandbox and its settings, for cases with an execution block. */
  services?: ScoringServices;
}

const EMPTY_PARSE: ParseResult = { text: '', calls: [], nearMisses: [] };

/**
 * Scores one case: parses `output` once with the shared parser, runs every scorer of the registry
 * that applies to the case (Punie always) and builds the `CaseScore`:
 *
 * - `passed` = every verdict passed and there is no error;
 * - `score` = the headline score under the suite's rule: the Punie verdict's score (`punie`), or
 *   1 / 0 for passed / failed (`pass_rate`);
 * - `reasons` = every failing verdict's reasons prefixed with its kind (`calls:missing_required:path`),
 *   in registry order, then `error:<message>`.
 *
 * `output === null` is the error `no output`. With an error every applicable verdict scores 0 with
 * the reason `error` (Punie scores an engine error 0), whatever output there was. Never rejects.
 */
export async function scoreCase(
  suite: Suite,
  testCase: SuiteCase,
  output: string | null,
  options: ScoreCaseOptions = {},
): Promise<CaseScore> {
  const error = options.error ?? (output === null ? 'no output' : undefined);
  const parsed = output === null ? EMPTY_PARSE : parseToolCalls(output);
  const applicable = SCORERS.filter((scorer) => scorer.applies(testCase));
  const context: ScoreContext | null =
    error === undefined && output !== null
      ? { suite, testCase, output, parsed, services: options.services ?? {} }
      : null;
  const verdicts = await Promise.all(
    applicable.map(async (scorer): Promise<Verdict> => {
      if (context === null) return { scorer: scorer.kind, score: 0, passed: false, reasons: ['error'] };
      return { scorer: scorer.kind, ...(await scorer.score(context)) };
    }),
  );

  const reasons = verdicts.flatMap((verdict) =>
    verdict.reasons.map((reason) => `${verdict.scorer}:${reason}`),
  );
  if (error !== undefined) reasons.push(`error:${error}`);
  const passed = error === undefined && verdicts.every((verdict) => verdict.passed);
  const result: CaseScore = {
    id: testCase.id,
    category: testCase.category,
    score: headlineScore(suite.headline ?? DEFAULT_HEADLINE_RULE, verdicts, passed),
    passed,
    reasons,
    verdicts,
    parsed,
  };
  if (error !== undefined) result.error = error;
  return result;
}

/** A case's headline score under `rule`, from its verdicts and whether it passed. */
export function headlineScore(rule: HeadlineRule, verdicts: readonly Verdict[], passed: boolean): number {
  if (rule === 'pass_rate') return passed ? 1 : 0;
  return verdicts.find((verdict) => verdict.scorer === 'punie')?.score ?? 0;
}
