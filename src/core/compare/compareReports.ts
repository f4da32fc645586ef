import type { Interval } from '../report/schema.ts';
import { canonicalJson } from '../suite/canonicalJson.ts';
import { compareRuns } from './compareRuns.ts';
import type { PairedDifference } from '../stats/pairedDifference.ts';
import { deviceLabel } from '../report/deviceLabel.ts';
import { runSpeedFigures } from '../report/runSpeedFigures.ts';
import type { Report } from '../report/schema.ts';
import { describeSource, sourceModelId } from '../report/sourceFacts.ts';
import type { HeadlineRule } from '../scoring/headline.ts';

/** A stored fraction of a run (a score or a rate, in [0, 1]) beside the baseline's. */
export interface ComparedFraction {
  value: number;
  /** This run's value minus the baseline's, as a fraction (×100 = percentage points; `formatPoints`). Null for the baseline run. */
  delta: number | null;
}

/** A stored fraction with its stored 95 % interval. */
export interface ComparedEstimate extends ComparedFraction {
  interval: Interval;
}

/** A category of a run: its stored mean with interval, and its counts. */
export interface ComparedCategory extends ComparedEstimate {
  passed: number;
  n: number;
}

/** A speed or time figure of a run beside the baseline's. */
export interface ComparedSpeed {
  /** The run's figure (tokens/s or ms); null when it recorded none. */
  value: number | null;
  /** Cases the median was taken over (0 for the load time, which is one figure). */
  n: number;
  /** Relative change from the baseline (`0.12` = 12 % more; `formatRelativeChange`). Null for the baseline run or when either figure is missing. */
  change: number | null;
}

/** Case-by-case comparison of a run with the baseline: only for runs of the same suite (same hash). */
export type PairedComparison =
  | {
      comparable: true;
      /** Case ids present in both runs. */
      paired: number;
      /** McNemar's exact two-sided p-value on the pass/fail flips. */
      pValue: number;
      /** Mean of (this run's score − the baseline's) over paired cases, with a seeded bootstrap 95 % interval. */
      difference: PairedDifference;
      /** Ids of cases the baseline passed and this run failed, in the baseline's order. */
      passToFail: string[];
      /** Ids of cases the baseline failed and this run passed, in the baseline's order. */
      failToPass: string[];
      /** Ids only the baseline holds (e.g. a partial run). */
      onlyInBaseline: string[];
      /** Ids only this run holds. */
      onlyInRun: string[];
    }
  | { comparable: false; why: string };

/**
 * Output drift: cases whose output differs (by SHA-256) from the baseline's although the model,
 * the suite, the prompt template and every parameter are the same, e.g. the same link run on two
 * devices. Greedy decoding should give the same text; drift shows kernels or numerics differ.
 */
export type OutputDrift =
  | {
      comparable: true;
      /** Cases present in both runs with an output hash in both. */
      compared: number;
      /** Ids of those whose output hash differs, in the baseline's order. */
      cases: string[];
    }
  | { comparable: false; why: string };

/** One run of a comparison, every figure beside the baseline's. */
export interface ComparedRun {
  /** Position of the run in the list given to {@link compareReports}. */
  index: number;
  isBaseline: boolean;
  /** Model id; null when the report does not say (e.g. outputs scored by the CLI). */
  model: string | null;
  /** The engine that produced the outputs, in words (`describeSource`). */
  engine: string;
  /** How tool calls were asked for: runs in different modes differ by more than the model. */
  toolCallMode: Report['params']['tool_call_mode'];
  /** The rule of `overall`: runs under different rules are not comparable figure by figure. */
  headline: HeadlineRule;
  /** Short device name (`deviceLabel`). */
  device: string;
  suite: { id: string; version: string; hash: string };
  createdAt: string;
  /** Number of cases in the run. */
  n: number;
  /** Stored overall score (mean over cases) with its interval. */
  overall: ComparedEstimate;
  /** Stored macro score (mean over categories). */
  macro: ComparedFraction;
  /** Stored pass rate with its interval. */
  passRate: ComparedEstimate;
  /** Stored success rate (cases without engine error). */
  successRate: ComparedFraction;
  /** Every category of the comparison (`ReportComparison.categories`): the stored figures, or null when this run has none. A delta needs the category in both runs. */
  categories: ReadonlyMap<string, ComparedCategory | null>;
  /** Medians over cases (`runSpeedFigures`: measured figures, else reported) and the load time. */
  speed: {
    decodeTps: ComparedSpeed;
    prefillTps: ComparedSpeed;
    ttftMs: ComparedSpeed;
    loadMs: ComparedSpeed;
  };
  /** Paired statistics against the baseline; null for the baseline itself. */
  paired: PairedComparison | null;
  /** Output drift against the baseline; null for the baseline itself. */
  drift: OutputDrift | null;
}

/** What {@link compareReports} returns: plain data, ready for any view. */
export interface ReportComparison {
  /** Index of the baseline run in `runs`. */
  baseline: number;
  /** Every category of every run, in first-seen order (the baseline's first). */
  categories: string[];
  /** The runs in the order given. */
  runs: ComparedRun[];
}

function fraction(value: number, base: number | null): ComparedFraction {
  return { value, delta: base === null ? null : value - base };
}

function speed(value: number | null, n: number, base: number | null, isBaseline: boolean): ComparedSpeed {
  const change = isBaseline || value === null || base === null || base === 0 ? null : value / base - 1;
  return { value, n, change };
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

function pairedWith(run: Report, baseline: Report, seed: number | undefined): PairedComparison {
  if (run.suite.hash !== baseline.suite.hash) {
    return { comparable: false, why: 'a different suite (its hash differs from the baseline’s)' };
  }
  // With several samples per case, the first sample of each case is paired.
  const first = (report: Report) => report.cases.filter((c) => c.sample === 0);
  const result = compareRuns(first(baseline), first(run), seed === undefined ? {} : { seed });
  return {
    comparable: true,
    paired: result.paired,
    pValue: result.pValue,
    difference: result.difference,
    passToFail: result.passedOnlyInA,
    failToPass: result.passedOnlyInB,
    onlyInBaseline: result.onlyInA,
    onlyInRun: result.onlyInB,
  };
}

function driftFrom(run: Report, baseline: Report): OutputDrift {
  const model = sourceModelId(run.source);
  const baseModel = sourceModelId(baseline.source);
  if (model === null || baseModel === null) return { comparable: false, why: 'the model is not recorded' };
  if (model !== baseModel || run.source.kind !== baseline.source.kind) {
    return { comparable: false, why: 'a different model' };
  }
  if (run.suite.hash !== baseline.suite.hash) return { comparable: false, why: 'a different suite' };
  if (run.promptTemplateHash !== baseline.promptTemplateHash) {
    return { comparable: false, why: 'a different prompt template' };
  }
  if (!sameJson(run.params, baseline.params)) return { comparable: false, why: 'different parameters' };
  const hashes = new Map<string, string | null>();
  for (const c of run.cases) if (c.sample === 0 && !hashes.has(c.id)) hashes.set(c.id, c.outputHash);
  const seen = new Set<string>();
  let compared = 0;
  const cases: string[] = [];
  for (const c of baseline.cases) {
    if (c.sample !== 0 || seen.has(c.id)) continue;
    seen.add(c.id);
    const other = hashes.get(c.id);
    if (c.outputHash === null || other === undefined || other === null) continue;
    compared += 1;
    if (other !== c.outputHash) cases.push(c.id);
  }
  return { comparable: true, compared, cases };
}

/** Options of {@link compareReports}. */
export interface CompareReportsOptions {
  /** Bootstrap seed of the paired differences; default `DEFAULT_SEED` (same inputs, same numbers). */
  seed?: number;
}

/**
 * Compares runs side by side against a baseline (`reports[baseline]`): the one implementation of
 * every number a comparison shows (the Markdown comparison and the app's compare view both format
 * its result).
 *
 * - stored figures of each run (overall and pass rate with intervals, macro, success rate, each
 *   category), with their difference from the baseline's (a fraction; ×100 = points);
 * - speeds: medians over cases of decode and prefill tokens/s and time to first token (measured,
 *   else reported), and the load time, with their relative change from the baseline;
 * - for a run of the same suite (same hash): McNemar's exact p-value on pass/fail flips, the mean
 *   paired score difference with a bootstrap interval (`compareRuns`), and the flipped cases;
 * - output drift: cases whose output hash differs from the baseline's under the same model,
 *   suite, prompt template and parameters (e.g. the same link on another device).
 *
 * An empty list gives an empty comparison. A `baseline` outside the list is a caller bug and throws
 * a `RangeError`. Pure; never throws otherwise.
 */
export function compareReports(
  reports: readonly Report[],
  baseline = 0,
  options: CompareReportsOptions = {},
): ReportComparison {
  if (reports.length === 0) return { baseline: 0, categories: [], runs: [] };
  const base = reports[baseline];
  if (!Number.isInteger(baseline) || base === undefined) {
    throw new RangeError(`compareReports: baseline ${baseline} is not one of the ${reports.length} runs`);
  }
  const categories: string[] = [];
  const seen = new Set<string>();
  for (const report of [base, ...reports]) {
    for (const { name } of report.summary.categories) {
      if (!seen.has(name)) {
        seen.add(name);
        categories.push(name);
      }
    }
  }
  const baseSpeed = runSpeedFigures(base);
  const runs = reports.map((report, index): ComparedRun => {
    const isBaseline = index === baseline;
    const s = report.summary;
    const b = base.summary;
    const ref = <T>(value: T): T | null => (isBaseline ? null : value);
    const byName = new Map<string, ComparedCategory | null>();
    const mineByName = new Map(s.categories.map((c) => [c.name, c]));
    const theirsByName = new Map(b.categories.map((c) => [c.name, c]));
    for (const name of categories) {
      const mine = mineByName.get(name);
      const theirs = theirsByName.get(name);
      const figures: ComparedCategory | null =
        mine === undefined
          ? null
          : {
              value: mine.mean,
              interval: mine.meanInterval,
              delta: isBaseline || theirs === undefined ? null : mine.mean - theirs.mean,
              passed: mine.passed,
              n: mine.records,
            };
      byName.set(name, figures);
    }
    const sp = runSpeedFigures(report);
    return {
      index,
      isBaseline,
      model: sourceModelId(report.source),
      engine: describeSource(report.source),
      toolCallMode: report.params.tool_call_mode,
      headline: s.headline,
      device: deviceLabel(report.device),
      suite: { id: report.suite.id, version: report.suite.version, hash: report.suite.hash },
      createdAt: report.createdAt,
      n: s.n,
      overall: { ...fraction(s.overall, ref(b.overall)), interval: s.overallInterval },
      macro: fraction(s.macro, ref(b.macro)),
      passRate: { ...fraction(s.passRate, ref(b.passRate)), interval: s.passRateInterval },
      successRate: fraction(s.successRate, ref(b.successRate)),
      categories: byName,
      speed: {
        decodeTps: speed(sp.decodeTps, sp.n.decodeTps, baseSpeed.decodeTps, isBaseline),
        prefillTps: speed(sp.prefillTps, sp.n.prefillTps, baseSpeed.prefillTps, isBaseline),
        ttftMs: speed(sp.ttftMs, sp.n.ttftMs, baseSpeed.ttftMs, isBaseline),
        loadMs: speed(sp.loadMs, 0, baseSpeed.loadMs, isBaseline),
      },
      paired: isBaseline ? null : pairedWith(report, base, options.seed),
      drift: isBaseline ? null : driftFrom(report, base),
    };
  });
  return { baseline, categories, runs };
}
