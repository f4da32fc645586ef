import type { CaseScore } from '../scoring/types.ts';
import { DEFAULT_SEED } from '../stats/defaultSeed.ts';
import { mcnemarExact } from '../stats/mcnemarExact.ts';
import { pairedDifference, type PairedDifference } from '../stats/pairedDifference.ts';

/** What {@link compareRuns} reads of a scored case: a `CaseScore` or a report's case record. */
export type ComparableCase = Pick<CaseScore, 'id' | 'score' | 'passed'>;

/** Options of {@link compareRuns}. */
export interface CompareRunsOptions {
  /** Bootstrap seed; default {@link DEFAULT_SEED}. */
  seed?: number;
}

/** Run B compared with run A over the cases both contain. */
export interface RunComparison {
  /** Number of case ids present in both runs. */
  paired: number;
  /** Cases A passed and B failed. */
  b: number;
  /** Cases A failed and B passed. */
  c: number;
  /** McNemar's exact two-sided p-value on `b` and `c`. */
  pValue: number;
  /** Mean of B's score − A's score (Punie headline) over paired cases, with a bootstrap interval. */
  difference: PairedDifference;
  /** Ids of cases A passed and B failed (the `b` cases). */
  passedOnlyInA: string[];
  /** Ids of cases A failed and B passed (the `c` cases). */
  passedOnlyInB: string[];
  /** Ids present in A only. */
  onlyInA: string[];
  /** Ids present in B only. */
  onlyInB: string[];
}

/**
 * Compares two runs of the same suite case by case, pairing cases by id (when a run holds an id
 * twice, its first occurrence counts). Pass/fail flips go to McNemar's exact test; score differences
 * (B − A, positive when B is better) get a seeded bootstrap interval. Lists keep A's case order
 * (B's for `onlyInB`). Pure; never throws.
 */
export function compareRuns(
  a: readonly ComparableCase[],
  b: readonly ComparableCase[],
  options: CompareRunsOptions = {},
): RunComparison {
  const byIdA = firstById(a);
  const byIdB = firstById(b);
  const scoresA: number[] = [];
  const scoresB: number[] = [];
  const passedOnlyInA: string[] = [];
  const passedOnlyInB: string[] = [];
  const onlyInA: string[] = [];
  for (const [id, caseA] of byIdA) {
    const caseB = byIdB.get(id);
    if (!caseB) {
      onlyInA.push(id);
      continue;
    }
    scoresA.push(caseA.score);
    scoresB.push(caseB.score);
    if (caseA.passed && !caseB.passed) passedOnlyInA.push(id);
    if (!caseA.passed && caseB.passed) passedOnlyInB.push(id);
  }
  const onlyInB = [...byIdB.keys()].filter((id) => !byIdA.has(id));
  return {
    paired: scoresA.length,
    b: passedOnlyInA.length,
    c: passedOnlyInB.length,
    pValue: mcnemarExact(passedOnlyInA.length, passedOnlyInB.length),
    difference: pairedDifference(scoresB, scoresA, { seed: options.seed ?? DEFAULT_SEED }),
    passedOnlyInA,
    passedOnlyInB,
    onlyInA,
    onlyInB,
  };
}

function firstById(cases: readonly ComparableCase[]): Map<string, ComparableCase> {
  const byId = new Map<string, ComparableCase>();
  for (const scored of cases) if (!byId.has(scored.id)) byId.set(scored.id, scored);
  return byId;
}
