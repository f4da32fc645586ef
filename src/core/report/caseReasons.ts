import { explainReason } from './explainReason.ts';
import type { ReportCase } from './schema.ts';

/**
 * Why a case did not pass, in plain words and without repeats: every failing verdict's reasons
 * explained by its scorer (`explainReason`) (the Punie and keyword scorers often give the same one), then
 * the engine error. Empty for a passing case. Pure; never throws.
 */
export function explainCaseReasons(testCase: Pick<ReportCase, 'verdicts' | 'error'>): string[] {
  const seen = new Set<string>();
  for (const verdict of testCase.verdicts) {
    for (const reason of verdict.reasons) {
      if (reason === 'error' && testCase.error !== undefined) continue;
      seen.add(explainReason(verdict.scorer, reason));
    }
  }
  if (testCase.error !== undefined) seen.add(`engine error: ${testCase.error}`);
  return [...seen];
}
