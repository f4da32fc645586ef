import { parseCommandArgs } from '../parseCommandArgs.ts';
import { runSuite } from '../../core/run/runSuite.ts';
import { parseReportJson } from '../../core/report/parseReportJson.ts';
import { reportSuite } from '../../core/report/reportSuite.ts';
import { diffCaseVerdicts } from '../../core/compare/diffCaseVerdicts.ts';
import { formatPercent } from '../../core/format/formatFigures.ts';
import { replayReport } from '../../engines/replay/replayReport.ts';
import { readTextInput, out, UsageError } from '../io.ts';
import { inputCap } from '../readInputText.ts';
import { printReportJson } from '../printReportJson.ts';
import { verifiedReport } from '../verifiedReport.ts';
import { DEFAULT_SCORING } from '../../core/execution/schema.ts';
import {
  parseExecTimeoutOption,
  parsePassKOption,
  SCORING_OPTIONS,
  scoringHelp,
  withExecutor,
} from '../scoringOptions.ts';

export const rescoreHelp = `tabeval rescore REPORT.json [--json] [scoring options]
  Re-scores the outputs recorded in a report with today's parser and scorers (running the code of
  cases with tests again), and prints which cases changed and why. With --json, prints the
  re-scored report instead (the recording's model, device and times kept, "rescored" set). pass@k
  and the time limit are the report's unless given.
${scoringHelp}`;

/** `tabeval rescore`: the report's replay (the same `replayReport` as the app) through the runner. */
export async function runRescore(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('rescore', args, {
    json: { type: 'boolean', default: false },
    ...SCORING_OPTIONS,
  });
  const file = parsed.positionals[0];
  if (file === undefined) throw new UsageError('expected a report file: tabeval rescore REPORT.json');
  const loaded = parseReportJson(await readTextInput(file, 'report'), { maxChars: inputCap('report') });
  if (!loaded.ok) {
    throw new UsageError(
      `${file} is not a valid report:\n${loaded.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
  }
  // The recorded figures as its cases give them; a stored value they contradict is a warning.
  const old = await verifiedReport(file, loaded.value);
  const suite = reportSuite(old);
  if (!suite.ok) {
    throw new UsageError(
      `${file}: the suite embedded in the report is not valid:\n${suite.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
  }
  const replay = await replayReport(old, suite.value);
  if (!replay.ok) {
    throw new UsageError(
      `${file}: the suite changed since these outputs were recorded: the prompt of ${replay.changed
        .map((c) => `${c.id}${c.sample === 0 ? '' : ` (sample ${c.sample})`}`)
        .join(', ')} is not the one recorded, so re-scoring would score outputs against other prompts`,
    );
  }
  const recordedScoring = replay.input.scoring ?? DEFAULT_SCORING;
  const scoring = {
    passK:
      parsed.values['pass-k'] === undefined
        ? recordedScoring.passK
        : parsePassKOption(parsed.values['pass-k']),
    execTimeoutMs: parseExecTimeoutOption(parsed.values['exec-timeout']) ?? recordedScoring.execTimeoutMs,
  };
  const { report } = await withExecutor(suite.value, parsed.values['no-exec'], (executor) =>
    runSuite({ ...replay.input, scoring, ...(executor ? { executor } : {}) }),
  );
  if (parsed.values.json) {
    await printReportJson(report);
    return 0;
  }
  const changes = diffCaseVerdicts(old.cases, report.cases);
  out(`${file}: ${old.suite.id} ${old.suite.version}, ${old.cases.length} recorded cases`);
  out(
    `overall: recorded ${formatPercent(old.summary.overall)}, today ${formatPercent(report.summary.overall)}`,
  );
  if (changes.length === 0) {
    out('no case changed its verdict');
  } else {
    out(`${changes.length} ${changes.length === 1 ? 'case' : 'cases'} changed:`);
    for (const c of changes) out(`  ${c.id}: ${c.why}`);
  }
  return 0;
}
