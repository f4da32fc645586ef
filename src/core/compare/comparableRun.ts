import { compareReports, type ReportComparison } from './compareReports.ts';
import { REPORT_SCHEMA_ID, type Report } from '../report/schema.ts';
import { DEFAULT_PARAMS } from '../report/paramsSchema.ts';
import { wilsonInterval } from '../stats/wilsonInterval.ts';
import { RESULTS_LINK_VERSION, type ResultsSummary } from '../link/resultsSummary.ts';
import { outputHashPrefix, suiteCaseIds, summarizeReportForLink } from '../link/summarizeReportForLink.ts';

/**
 * One run to compare, from a report file or a results link. Every run has the summary a results
 * link carries (a report is summarised the same way); a report file also has its full report,
 * hence per-case scores and full output hashes.
 */
export interface ComparableRun {
  /** Where the run came from, for headers and messages: a file name, `link 2`. */
  source: string;
  report: Report | null;
  summary: ResultsSummary;
}

/** A run from a report file. */
export function comparableFromReport(source: string, report: Report): ComparableRun {
  return { source, report, summary: summarizeReportForLink(report) };
}

/** A run from a decoded results link. */
export function comparableFromSummary(source: string, summary: ResultsSummary): ComparableRun {
  return { source, report: null, summary };
}

/** The comparison of runs and links: `compareReports`' result, and which runs have per-case scores. */
export interface RunsComparison {
  comparison: ReportComparison;
  /**
   * Per run: whether its per-case scores are known (a report file). A link carries pass/fail only,
   * so a run's mean paired score difference means something only when it and the baseline are both
   * scored; McNemar's p, the flipped cases and output drift need pass/fail and hashes, which links carry.
   */
  scored: boolean[];
  /** Per run: true when its case ids are positions (`#3`) because no report or known suite named them. */
  positional: boolean[];
  /**
   * The reports compared, one per run: the reports themselves, or (with a link among the runs) every
   * run at a link's detail, as described at {@link compareComparableRuns}. The case matrix reads these.
   */
  reports: Report[];
}

/**
 * Compares runs from report files and results links with `compareReports` (the one implementation of
 * every comparison number). Reports alone are compared as they are. With a link among them, every
 * run is first brought to what a link carries — output hashes cut to the 8 hex digits a link keeps,
 * parameters as a link records them — and each link becomes a report of its summary: its stored
 * figures, one case record per reached case (pass/fail, hash prefix, its run's median speeds), case
 * ids from a report of the same suite hash in the list or from `knownCaseIds` (by suite hash),
 * else positions `#1`, `#2`, … . `baseline` must index `runs` (`compareReports` throws otherwise).
 */
export function compareComparableRuns(
  runs: readonly ComparableRun[],
  baseline: number,
  knownCaseIds: ReadonlyMap<string, readonly string[]> = new Map(),
): RunsComparison {
  const scored = runs.map((run) => run.report !== null);
  if (runs.every((run) => run.report !== null)) {
    const reports = runs.map((run) => run.report!);
    return {
      comparison: compareReports(reports, baseline),
      scored,
      positional: runs.map(() => false),
      reports,
    };
  }
  const ids = new Map(knownCaseIds);
  for (const run of runs) if (run.report) ids.set(run.report.suite.hash, suiteCaseIds(run.report));
  const positional: boolean[] = [];
  const reports = runs.map((run) => {
    if (run.report) {
      positional.push(false);
      return atLinkDetail(run.report, run.summary);
    }
    const known = ids.get(run.summary.suite.hash);
    const usable = known !== undefined && known.length === run.summary.suite.caseCount ? known : null;
    positional.push(usable === null);
    return reportOfSummary(run.summary, usable ?? run.summary.cases.map((_, i) => `#${i + 1}`));
  });
  return { comparison: compareReports(reports, baseline), scored, positional, reports };
}

// A link leaves out a parameter it could not carry; reports always have all of them. Such a gap is
// filled with the default (links made from reports of this version never have one).
function linkParams(summary: ResultsSummary): Report['params'] {
  const p = summary.params;
  return {
    temperature: p?.temperature ?? DEFAULT_PARAMS.temperature,
    top_p: p?.top_p ?? DEFAULT_PARAMS.top_p,
    max_tokens: p?.max_tokens ?? DEFAULT_PARAMS.max_tokens,
    seed: p?.seed ?? DEFAULT_PARAMS.seed,
    tool_call_mode: p?.tool_call_mode ?? DEFAULT_PARAMS.tool_call_mode,
    samples: 1,
  };
}

function linkSource(s: ResultsSummary): Report['source'] {
  const model = s.model?.id ?? null;
  if (s.source === 'endpoint')
    return { kind: 'endpoint', model: model ?? 'unknown', server: null, origin: null };
  if (s.source === 'outputs' || model === null) return { kind: 'outputs', model };
  return { kind: 'webllm', version: 'unknown', model: { id: model, url: null, libUrl: null } };
}

function atLinkDetail(report: Report, summary: ResultsSummary): Report {
  return {
    ...report,
    params: linkParams(summary),
    promptTemplateHash: summary.promptTemplateHash,
    cases: report.cases.map((c) => ({ ...c, outputHash: outputHashPrefix(c.outputHash) })),
  };
}

function reportOfSummary(s: ResultsSummary, caseIds: readonly string[]): Report {
  const speed = s.speed;
  const figures = {
    promptTokens: null,
    completionTokens: null,
    ttftMs: speed.ttftMs,
    prefillTps: speed.prefillTps,
    decodeTps: speed.decodeTps,
    e2eMs: null,
  };
  const cases: Report['cases'] = [];
  s.cases.forEach((c, i) => {
    if (c.passed === null) return;
    cases.push({
      id: caseIds[i]!,
      sample: 0,
      category: '',
      messagesHash: null,
      output: null,
      outputHash: c.output,
      calls: [],
      nearMisses: [],
      verdicts: [],
      // Links carry no scores: a placeholder, never shown (see RunsComparison.scored).
      score: c.passed ? 1 : 0,
      passed: c.passed,
      reasons: [],
      usage: { reported: figures, measured: figures },
      finishReason: null,
      durationMs: null,
    });
  });
  const device: Report['device'] = s.device
    ? // deviceLabel() gives back the label (which already says "fallback" when it was one).
      {
        label: s.device.label,
        browserVersion: null,
        adapter: {
          description: '',
          device: '',
          vendor: s.device.vendor,
          architecture: s.device.architecture,
          isFallbackAdapter: false,
        },
      }
    : null;
  return {
    schema: REPORT_SCHEMA_ID,
    app: { name: 'tabeval', version: `results-link/${RESULTS_LINK_VERSION}` },
    createdAt: s.createdAt,
    rescored: s.source === 'replay' ? { at: s.createdAt, appVersion: 'unknown' } : null,
    source: linkSource(s),
    suite: { id: s.suite.id, version: s.suite.version, hash: s.suite.hash, content: null },
    params: linkParams(s),
    promptTemplateHash: s.promptTemplateHash,
    device,
    timings: {
      startedAt: null,
      finishedAt: null,
      totalMs: null,
      load: speed.loadMs === null ? null : { ms: speed.loadMs, fromCache: false, bytesDownloaded: null },
    },
    cases,
    summary: {
      // A link does not say its suite's rule; its overall is shown as it was stored.
      headline: 'pass_rate',
      overall: s.overall,
      overallInterval: s.overallInterval,
      macro: s.macro,
      successRate: s.successRate,
      passRate: s.passRate,
      passRateInterval: s.passRateInterval,
      // A link carries pass@1 (its pass rate) only.
      passAtK: [{ k: 1, n: s.n, value: s.passRate, interval: s.passRateInterval }],
      n: s.n,
      records: cases.length,
      categories: s.categories.map((c) => ({
        name: c.name,
        n: c.n,
        records: c.n,
        passed: c.passed,
        mean: c.mean,
        meanInterval: c.meanInterval,
        passRate: c.n === 0 ? 0 : c.passed / c.n,
        passRateInterval: wilsonInterval(c.passed, c.n),
        passAtK: [
          { k: 1, n: c.n, value: c.n === 0 ? 0 : c.passed / c.n, interval: wilsonInterval(c.passed, c.n) },
        ],
      })),
      scorers: [],
    },
  };
}
