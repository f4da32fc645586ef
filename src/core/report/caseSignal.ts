import { formatPercent } from '../format/formatFigures.ts';
import type { ReportCase } from './schema.ts';
import { scorerOf } from '../scoring/registry.ts';

/** One scorer's verdict as a chip beside the case's pass/fail signal. */
export interface ScorerChip {
  kind: string;
  /** "Punie", "Calls", … (the kind itself for a scorer this version does not know). */
  label: string;
  passed: boolean;
  /** What the chip says after the label: ✓ or ✗, or the percentage of a partial score. */
  mark: string;
  /** Plain words for assistive tech and the tooltip: "Calls: failed (0.0 %)". */
  words: string;
  /** The scorer's one-sentence description; empty for an unknown scorer. */
  describe: string;
}

/** A case's single pass/fail signal and the verdicts behind it. */
export interface CaseSignal {
  /** The case's own `passed`: every verdict passed and there was no engine error. */
  passed: boolean;
  /** "pass" or "fail". */
  label: 'pass' | 'fail';
  chips: ScorerChip[];
}

/**
 * The one pass/fail signal of a case (its stored `passed`, never a score read as a verdict) and one
 * chip per scorer that judged it, in the report's order. A partial score (Punie's 3 of 4) shows as
 * its percentage, so "Punie 75.0 %" and "fail" never contradict each other. Formats stored values only.
 */
export function caseSignal(c: Pick<ReportCase, 'passed' | 'verdicts'>): CaseSignal {
  const chips = c.verdicts.map((verdict): ScorerChip => {
    const scorer = scorerOf(verdict.scorer);
    const label = scorer?.label ?? verdict.scorer;
    const partial = verdict.score > 0 && verdict.score < 1;
    const mark = partial ? formatPercent(verdict.score) : verdict.passed ? '✓' : '✗';
    return {
      kind: verdict.scorer,
      label,
      passed: verdict.passed,
      mark,
      words: `${label}: ${verdict.passed ? 'passed' : 'failed'} (${formatPercent(verdict.score)})`,
      describe: scorer?.describe ?? '',
    };
  });
  return { passed: c.passed, label: c.passed ? 'pass' : 'fail', chips };
}
