import { canonicalJson } from '../suite/canonicalJson.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';
import type { ComparableRun } from './comparableRun.ts';

/**
 * The identity of a run to compare: the SHA-256 of the canonical JSON of its results summary (the
 * summary a results link carries, which a report file is summarised to as well): suite hash, date
 * of the recording, what produced the outputs, model, device, every parameter, prompt-template
 * hash, stored figures and median speeds, and each case's pass/fail and output-hash prefix.
 *
 * The same report file loaded twice, the same stored run twice, a stored run and the file exported
 * from it, a report and its own results link: one identity. Two recordings (another date, device or
 * output) or two scorings of one recording (a report and its re-scored run, whose verdicts may
 * differ) are different runs. Rejects only when the platform has no Web Crypto digest.
 */
export async function runIdentity(run: ComparableRun): Promise<string> {
  return sha256Hex(canonicalJson(run.summary));
}

/** A candidate for a comparison: anything with an identity ({@link runIdentity}). */
export interface Identified {
  identity: string;
}

/** What {@link addDistinctRuns} gives back: the candidates to add, and those already there. */
export interface DistinctRuns<T extends Identified> {
  added: T[];
  /** Candidates left out, each with the position (in `existing`, then in `added`) of its twin. */
  duplicates: { run: T; of: number }[];
}

/**
 * Splits `candidates` into the runs not yet in `existing` (nor earlier among the candidates) and
 * the duplicates, each naming the run it repeats by its position in `[...existing, ...added]`.
 * Keeps the candidates' order. Pure; never throws.
 */
export function addDistinctRuns<T extends Identified>(
  existing: readonly Identified[],
  candidates: readonly T[],
): DistinctRuns<T> {
  const at = new Map<string, number>();
  existing.forEach((run, i) => {
    if (!at.has(run.identity)) at.set(run.identity, i);
  });
  const added: T[] = [];
  const duplicates: { run: T; of: number }[] = [];
  for (const run of candidates) {
    const twin = at.get(run.identity);
    if (twin !== undefined) {
      duplicates.push({ run, of: twin });
      continue;
    }
    at.set(run.identity, existing.length + added.length);
    added.push(run);
  }
  return { added, duplicates };
}
