import type { Report, ReportCase } from '../report/schema.ts';
import { diffCaseVerdicts } from './diffCaseVerdicts.ts';

/** How a run's verdict on a case differs from the baseline's. */
export type CellVerdictChange =
  | 'baseline'
  | 'same'
  | 'now-passes'
  | 'now-fails'
  | 'score-up'
  | 'score-down'
  | 'reasons'
  | 'not-in-baseline';

/** One run's record of one case (its first sample), beside the baseline's. */
export interface MatrixCell {
  passed: boolean;
  score: number;
  /** The raw output; null when none was produced or the run came from a results link. */
  output: string | null;
  /** SHA-256 of the output (8 hex digits when a results link is among the runs). */
  outputHash: string | null;
  reasons: string[];
  change: CellVerdictChange;
  /** The output differs from the baseline's, by hash; null for the baseline or when either has no hash. */
  outputChanged: boolean | null;
  /** What changed against the baseline, in words (`diffCaseVerdicts`); empty when nothing did. */
  why: string;
}

/** One case: a cell per run (null when the run has no record of it). */
export interface MatrixRow {
  id: string;
  category: string;
  cells: (MatrixCell | null)[];
  /** Some run's verdict or output differs from the baseline's, or some run lacks the case. */
  changed: boolean;
}

/** Cases × runs: what each run did on each case, and what changed against the baseline. */
export interface CaseMatrix {
  baseline: number;
  runCount: number;
  /** The baseline's cases in its order, then cases only other runs hold, in first-seen order. */
  rows: MatrixRow[];
  /** Rows with `changed`. */
  changedCount: number;
}

function firstSamples(report: Report): Map<string, ReportCase> {
  const byId = new Map<string, ReportCase>();
  for (const c of report.cases) if (c.sample === 0 && !byId.has(c.id)) byId.set(c.id, c);
  return byId;
}

function verdictChange(base: ReportCase, mine: ReportCase, why: string): CellVerdictChange {
  if (why === '') return 'same';
  if (base.passed !== mine.passed) return mine.passed ? 'now-passes' : 'now-fails';
  if (base.score !== mine.score) return mine.score > base.score ? 'score-up' : 'score-down';
  return 'reasons';
}

/**
 * The case matrix of `reports` against `reports[baseline]`: one row per case id (first sample of
 * each case, first record of an id, as `compareReports` pairs them), one cell per report, each
 * with its verdict, output and how both differ from the baseline's. Reports of different suites
 * give rows where some cells are null. A `baseline` outside the list throws a `RangeError` (a
 * caller bug); pure and never throws otherwise.
 */
export function buildCaseMatrix(reports: readonly Report[], baseline: number): CaseMatrix {
  if (reports.length === 0) return { baseline: 0, runCount: 0, rows: [], changedCount: 0 };
  const base = reports[baseline];
  if (!Number.isInteger(baseline) || base === undefined) {
    throw new RangeError(`buildCaseMatrix: baseline ${baseline} is not one of the ${reports.length} runs`);
  }
  const byRun = reports.map(firstSamples);
  const baseCases = byRun[baseline]!;
  const whyByRun = byRun.map((cases, run) => {
    const why = new Map<string, string>();
    if (run === baseline) return why;
    const shared = [...cases.values()].filter((c) => baseCases.has(c.id));
    const before = shared.map((c) => baseCases.get(c.id)!);
    for (const change of diffCaseVerdicts(before, shared)) why.set(change.id, change.why);
    return why;
  });
  const order: string[] = [...baseCases.keys()];
  const seen = new Set(order);
  for (const cases of byRun)
    for (const id of cases.keys())
      if (!seen.has(id)) {
        seen.add(id);
        order.push(id);
      }
  let changedCount = 0;
  const rows = order.map((id): MatrixRow => {
    const baseCase = baseCases.get(id);
    let changed = false;
    let category = '';
    const cells = byRun.map((cases, run): MatrixCell | null => {
      const mine = cases.get(id);
      if (mine === undefined) {
        changed = true;
        return null;
      }
      if (category === '') category = mine.category;
      const cell = {
        passed: mine.passed,
        score: mine.score,
        output: mine.output,
        outputHash: mine.outputHash,
        reasons: [...mine.reasons],
      };
      if (run === baseline) return { ...cell, change: 'baseline', outputChanged: null, why: '' };
      if (baseCase === undefined) {
        changed = true;
        return { ...cell, change: 'not-in-baseline', outputChanged: null, why: 'not in the baseline' };
      }
      const why = whyByRun[run]!.get(id) ?? '';
      const outputChanged =
        baseCase.outputHash === null || mine.outputHash === null
          ? null
          : baseCase.outputHash !== mine.outputHash;
      const change = verdictChange(baseCase, mine, why);
      if (change !== 'same' || outputChanged === true) changed = true;
      const words = [why, outputChanged ? 'output differs' : ''].filter((w) => w !== '').join('; ');
      return { ...cell, change, outputChanged, why: words };
    });
    if (changed) changedCount += 1;
    return { id, category, cells, changed };
  });
  return { baseline, runCount: reports.length, rows, changedCount };
}

/** Which rows of a case matrix to show. */
export interface MatrixFilter {
  /** Only rows where something changed against the baseline. */
  changedOnly: boolean;
  /** Case id or category containing this text (case-insensitive); empty for all. */
  text: string;
}

/** The rows of `matrix` that `filter` keeps, in order. Pure; never throws. */
export function filterCaseMatrix(matrix: CaseMatrix, filter: MatrixFilter): MatrixRow[] {
  const text = filter.text.trim().toLowerCase();
  return matrix.rows.filter(
    (row) =>
      (!filter.changedOnly || row.changed) &&
      (text === '' || row.id.toLowerCase().includes(text) || row.category.toLowerCase().includes(text)),
  );
}
