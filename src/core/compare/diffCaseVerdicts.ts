import type { ReportCase } from '../report/schema.ts';
import { formatPercent } from '../format/formatFigures.ts';
import { explainCaseReason } from '../report/explainReason.ts';

/** A case whose verdict differs between two scorings of the same outputs. */
export interface VerdictChange {
  id: string;
  before: { score: number; passed: boolean; reasons: string[] } | null;
  after: { score: number; passed: boolean; reasons: string[] } | null;
  /** Plain words: what changed (score, pass/fail, reasons gained and lost). */
  why: string;
}

/**
 * Compares the recorded verdicts of cases with re-scored ones (same case ids) and lists every
 * case whose score, pass/fail or reasons changed, in the order of `after`.
 */
export function diffCaseVerdicts(before: ReportCase[], after: ReportCase[]): VerdictChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const changes: VerdictChange[] = [];
  for (const now of after) {
    const was = old.get(now.id);
    old.delete(now.id);
    if (!was) {
      changes.push({ id: now.id, before: null, after: pick(now), why: 'not in the recorded report' });
      continue;
    }
    const gained = now.reasons.filter((r) => !was.reasons.includes(r));
    const lost = was.reasons.filter((r) => !now.reasons.includes(r));
    if (was.score === now.score && was.passed === now.passed && gained.length === 0 && lost.length === 0)
      continue;
    const parts: string[] = [];
    if (was.score !== now.score)
      parts.push(`score ${formatPercent(was.score)} -> ${formatPercent(now.score)}`);
    if (was.passed !== now.passed) parts.push(now.passed ? 'now passes' : 'now fails');
    if (gained.length > 0) parts.push(`new reasons: ${gained.map(explainCaseReason).join('; ')}`);
    if (lost.length > 0) parts.push(`reasons gone: ${lost.map(explainCaseReason).join('; ')}`);
    changes.push({ id: now.id, before: pick(was), after: pick(now), why: parts.join('; ') });
  }
  for (const gone of old.values()) {
    changes.push({ id: gone.id, before: pick(gone), after: null, why: 'no longer in the suite' });
  }
  return changes;
}

function pick(c: ReportCase) {
  return { score: c.score, passed: c.passed, reasons: [...c.reasons] };
}
