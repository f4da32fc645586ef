import { answerScorer } from './scoreAnswer.ts';
import { callsScorer } from './scoreCalls.ts';
import { execScorer } from './scoreExec.ts';
import { keywordsScorer } from './scoreKeywords.ts';
import { punieScorer } from './scorePunie.ts';
import type { Scorer } from './scorer.ts';

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
