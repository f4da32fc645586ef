import { compareReports } from './compareReports.ts';
import type { Report } from '../report/schema.ts';

/** The gates of an unattended run. */
export interface GateSettings {
  /** Fail when the overall score is below this fraction (0.9 = 90 %). */
  minScore?: number;
  /** With `maxDropPoints`: fail when the overall dropped from this run's significantly. */
  baseline?: Report;
  /** Percentage points the overall may fall below the baseline's before the drop counts (default 0). */
  maxDropPoints?: number;
  /** McNemar's significance level for a drop (default 0.05). */
  alpha?: number;
}

/** A gate's verdict: `fail` with the reasons, `error` when the gate cannot judge (another suite). */
export type GateVerdict =
  | { kind: 'pass'; notes: string[] }
  | { kind: 'fail'; reasons: string[]; notes: string[] }
  | { kind: 'error'; reason: string };

const points = (fraction: number) => `${(fraction * 100).toFixed(1)}`;

/**
 * Judges a report by the gates: the overall score against `minScore`, and the drop from the
 * baseline's overall, which fails only when it is more than `maxDropPoints` points and McNemar's
 * exact test on the paired pass/fail flips says it is significant at `alpha`. Every verdict is
 * said in words (`notes` for what passed). Pure; numbers come from the stored summary and
 * `compareReports`, nothing is recomputed differently here.
 */
export function evaluateGates(report: Report, gates: GateSettings): GateVerdict {
  const reasons: string[] = [];
  const notes: string[] = [];
  const overall = report.summary.overall;
  if (gates.minScore !== undefined) {
    const line = `overall ${points(overall)} % against --min-score ${points(gates.minScore)} %`;
    if (overall < gates.minScore) reasons.push(`${line}: below it`);
    else notes.push(`${line}: passed`);
  }
  if (gates.baseline !== undefined) {
    const alpha = gates.alpha ?? 0.05;
    const maxDrop = gates.maxDropPoints ?? 0;
    const compared = compareReports([gates.baseline, report], 0).runs[1];
    const paired = compared?.paired;
    if (!compared || !paired || !paired.comparable) {
      return {
        kind: 'error',
        reason: `the baseline cannot be compared case by case: ${paired && !paired.comparable ? paired.why : 'no paired cases'}`,
      };
    }
    const delta = compared.overall.delta ?? 0;
    const drop = -delta * 100;
    const flips = `${paired.passToFail.length} cases passed before and fail now, ${paired.failToPass.length} the other way; McNemar p = ${paired.pValue.toPrecision(3)}`;
    const line = `overall ${points(overall)} % vs baseline ${points(overall - delta)} % (${delta <= 0 ? '' : '+'}${(delta * 100).toFixed(1)} points; ${flips})`;
    if (drop > maxDrop && paired.pValue < alpha) {
      reasons.push(`${line}: a drop of more than ${maxDrop} points, significant at ${alpha}`);
    } else if (drop > maxDrop) {
      notes.push(`${line}: a drop of more than ${maxDrop} points, but not significant at ${alpha}`);
    } else {
      notes.push(`${line}: within ${maxDrop} points`);
    }
  }
  return reasons.length > 0 ? { kind: 'fail', reasons, notes } : { kind: 'pass', notes };
}
