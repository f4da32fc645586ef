import type { ParseResult } from '../parser/types.ts';

/** The scorers. Each has a descriptor (label, format) in `scorers.ts`; views dispatch on the kind. */
export type ScorerKind = 'punie' | 'calls' | 'answer' | 'keywords';

/** One scorer's verdict on one case. `score` is in [0, 1]; `reasons` name each failure (empty when passed). */
export interface Verdict {
  scorer: ScorerKind;
  score: number;
  passed: boolean;
  reasons: string[];
}

/** A scored case: the headline `score` is the Punie rule; `passed` means every verdict passed and no error. */
export interface CaseScore {
  id: string;
  category: string;
  score: number;
  passed: boolean;
  /** Every failing verdict's reasons, prefixed by scorer (`calls:missing_required:path`), plus `error:...`. */
  reasons: string[];
  verdicts: Verdict[];
  /** Set when the engine failed or no output was recorded; such a case scores 0 and is unsuccessful. */
  error?: string;
  parsed: ParseResult;
}

/** A two-sided interval, both ends in the unit of the estimate. */
export interface Interval {
  low: number;
  high: number;
  /** e.g. 'wilson-95', 'bootstrap-95' */
  method: string;
}

export interface CategorySummary {
  mean: number;
  n: number;
  passed: number;
  meanInterval: Interval;
  passRateInterval: Interval;
}

/** Aggregates of a run. Views format these numbers; they never recompute them. */
export interface RunSummary {
  /** Mean over cases (the Punie rule), in [0, 1]. */
  overall: number;
  overallInterval: Interval;
  /** Mean over categories of their means. */
  macro: number;
  /** Cases without error / cases. */
  successRate: number;
  /** Cases passed / cases, with a Wilson interval. */
  passRate: number;
  passRateInterval: Interval;
  n: number;
  categories: Record<string, CategorySummary>;
  /** Mean score and pass count per scorer, over the cases it applied to. */
  scorers: Partial<Record<ScorerKind, { mean: number; n: number; passed: number }>>;
}
