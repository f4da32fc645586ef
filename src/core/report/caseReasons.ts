import { scorers } from '../scoring/scorers.ts';
import type { ScorerKind } from '../scoring/types.ts';
import type { ReportCase } from './schema.ts';

function isScorerKind(kind: string): kind is ScorerKind {
  return Object.hasOwn(scorers, kind);
}

/** One reason of a verdict in plain words, through its scorer's descriptor; unknown scorers as written. */
export function explainVerdictReason(scorer: string, reason: string): string {
  return isScorerKind(scorer) ? scorers[scorer].explain(reason) : reason;
}

/**
 * Why a case did not pass, in plain words and without repeats: every failing verdict's reasons
 * explained by its scorer's descriptor (the Punie and keyword scorers often give the same one), then
 * the engine error. Empty for a passing case. Pure; never throws.
 */
export function explainCaseReasons(testCase: Pick<ReportCase, 'verdicts' | 'error'>): string[] {
  const seen = new Set<string>();
  for (const verdict of testCase.verdicts) {
    for (const reason of verdict.reasons) {
      if (reason === 'error' && testCase.error !== undefined) continue;
      seen.add(explainVerdictReason(verdict.scorer, reason));
    }
  }
  if (testCase.error !== undefined) seen.add(`engine error: ${testCase.error}`);
  return [...seen];
}
