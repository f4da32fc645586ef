import { answerScorer } from './scoreAnswer.ts';
import { callsScorer } from './scoreCalls.ts';
import { execScorer } from './scoreExec.ts';
import { keywordsScorer } from './scoreKeywords.ts';
import { punieScorer } from './scorePunie.ts';
import type { ReasonExplainer, Scorer } from './scorer.ts';

/**
 * Every scorer, in display order (Punie first). The single list: the kind type, the report
 * schema's picklist, the reason tables and every view's columns derive from it.
 */
export const SCORERS = [punieScorer, callsScorer, answerScorer, keywordsScorer, execScorer] as const;

/** A scorer's kind: `punie`, `calls`, `answer`, `keywords`, `exec`. */
export type ScorerKind = (typeof SCORERS)[number]['kind'];

type KindsOf<T extends readonly Scorer[]> = { [I in keyof T]: T[I]['kind'] };

/** Every scorer kind in display order, as a tuple (what `v.picklist` takes). */
export const SCORER_KINDS = SCORERS.map((scorer) => scorer.kind) as unknown as KindsOf<typeof SCORERS>;

const BY_KIND: ReadonlyMap<string, Scorer<ScorerKind>> = new Map(SCORERS.map((s) => [s.kind, s]));

/** The scorer of a kind, or undefined for a kind this version does not know (a newer report). */
export function scorerOf(kind: string): Scorer<ScorerKind> | undefined {
  return BY_KIND.get(kind);
}

/** Reasons any scorer can give. */
const COMMON_REASONS: Readonly<Record<string, ReasonExplainer>> = {
  error: () => 'the engine failed: no output to score',
};

/**
 * One reason of a verdict (`missing_required:path`) in plain words, through its scorer's reason
 * table; a reason or scorer this version does not know comes back as written. Never throws.
 */
export function explainReason(kind: string, reason: string): string {
  const colon = reason.indexOf(':');
  const code = colon === -1 ? reason : reason.slice(0, colon);
  const detail = colon === -1 ? '' : reason.slice(colon + 1);
  const table = scorerOf(kind)?.reasons;
  const explain =
    table !== undefined && Object.hasOwn(table, code)
      ? table[code]
      : Object.hasOwn(COMMON_REASONS, code)
        ? COMMON_REASONS[code]
        : undefined;
  return explain ? explain(detail) : reason;
}
