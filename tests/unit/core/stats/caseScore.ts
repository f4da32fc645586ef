// Builds CaseScore values for the statistics tests (not a test file itself).
import type { CaseScore } from '../../../../src/core/scoring/types.ts';
import type { Verdict } from '../../../../src/core/report/schema.ts';

/** A scored case with a Punie verdict of `score` and, optionally, more verdicts and an error. */
export function caseScore(
  id: string,
  category: string,
  score: number,
  extra: { passed?: boolean; error?: string; verdicts?: Verdict[] } = {},
): CaseScore {
  const passed = extra.passed ?? score === 1;
  const verdicts: Verdict[] = [
    { scorer: 'punie', score, passed: score === 1, reasons: score === 1 ? [] : ['missing_keyword:x'] },
    ...(extra.verdicts ?? []),
  ];
  const result: CaseScore = {
    id,
    category,
    score,
    passed,
    reasons: [],
    verdicts,
    parsed: { text: '', calls: [], nearMisses: [] },
  };
  if (extra.error !== undefined) result.error = extra.error;
  return result;
}
