import type { ExecutionResult, Executor } from '../execution/schema.ts';
import type { ParseResult } from '../parser/types.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';

/** What a scorer is given for one case. */
export interface ScoreContext {
  suite: Suite;
  testCase: SuiteCase;
  /** The raw model output. */
  output: string;
  /** `output` through the shared parser, once for every scorer. */
  parsed: ParseResult;
  services: ScoringServices;
}

/**
 * What scorers may use beyond the case and its output: the Python sandbox of the page or the CLI.
 * Absent services are reasons (`exec:no_executor`), not exceptions.
 */
export interface ScoringServices {
  executor?: Executor;
  /** Time limit of one execution when the case sets none (default DEFAULT_EXEC_TIMEOUT_MS). */
  execTimeoutMs?: number;
}

/** One scorer's verdict on one case before it is labelled with the scorer's kind. */
export interface ScorerOutcome {
  /** In [0, 1]. */
  score: number;
  passed: boolean;
  /** One code per failure (`missing_required:path`); empty when passed. */
  reasons: string[];
  /** What running the code found (the exec scorer). */
  execution?: ExecutionResult;
  /**
   * Observations that do not change the verdict (`bfcl_decoder:no_newlines`): where another
   * checker's reading would differ. Absent when there are none.
   */
  notes?: string[];
}

/** Explains the detail after a reason code's colon (`path` in `missing_required:path`) in words. */
export type ReasonExplainer = (detail: string) => string;

/**
 * A scorer: what views, reports and the CLI need to know about it, and how it scores. The kind
 * type, the report schema's picklist and every reason table are derived from the registry of
 * these (registry.ts); adding a scorer is adding one module there.
 */
export interface Scorer<TKind extends string = string> {
  readonly kind: TKind;
  /** Short column header, e.g. "Calls". */
  readonly label: string;
  /** One sentence on what the scorer measures, for tooltips and report legends. */
  readonly describe: string;
  /** Whether the scorer runs on a case. */
  applies(testCase: SuiteCase): boolean;
  /** Scores one case. Never throws for any output; a suite problem is a reason, not an exception. */
  score(context: ScoreContext): ScorerOutcome | Promise<ScorerOutcome>;
  /** Reason code → its plain words. */
  readonly reasons: Readonly<Record<string, ReasonExplainer>>;
}

/** Declares a scorer, keeping its kind as a literal type. */
export function defineScorer<const TKind extends string>(scorer: Scorer<TKind>): Scorer<TKind> {
  return scorer;
}
