import { parseArgs } from 'node:util';
import { runSuite } from '../../core/run/runSuite.ts';
import { parseReportJson } from '../../core/report/parseReportJson.ts';
import { reportSuite } from '../../core/report/reportSuite.ts';
import { diffCaseVerdicts } from '../../core/compare/diffCaseVerdicts.ts';
import { formatPercent } from '../../core/scoring/scorers.ts';
import { createReplayEngine, type RecordedOutput } from '../../engines/replay/createReplayEngine.ts';
import type { GenerationParams } from '../../core/engine.ts';
import { DEFAULT_PARAMS } from '../../core/run/defaultParams.ts';
import { readTextInput, out, UsageError } from '../io.ts';

export const rescoreHelp = `tabeval rescore REPORT.json [--json]
  Re-scores the outputs recorded in a report with today's parser and scorers, and prints which
  cases changed and why. With --json, prints the re-scored report instead.`;

/** `tabeval rescore`: replays a report's outputs through the runner and diffs the verdicts. */
export async function runRescore(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const file = parsed.positionals[0];
  if (file === undefined) throw new UsageError('expected a report file: tabeval rescore REPORT.json');
  const loaded = parseReportJson(await readTextInput(file));
  if (!loaded.ok) {
    throw new UsageError(
      `${file} is not a valid report:\n${loaded.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
  }
  const old = loaded.value;
  const suite = reportSuite(old);
  if (!suite.ok) {
    throw new UsageError(
      `${file}: the suite embedded in the report is not valid:\n${suite.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
  }
  const recorded = new Map(
    old.cases.map((c): [string, RecordedOutput] => [
      c.id,
      { output: c.output, usage: c.usage, finishReason: c.finishReason },
    ]),
  );
  const { report } = await runSuite({
    suite: suite.value,
    engine: createReplayEngine(suite.value, recorded, {
      info: {
        modelId: old.model?.id ?? null,
        modelUrl: old.model?.url ?? null,
        modelLibUrl: old.model?.libUrl ?? null,
      },
    }),
    params: { ...DEFAULT_PARAMS, ...(old.params as Partial<GenerationParams> | null) },
    source: 'replay',
    device: old.device,
    // Only the recorded cases: re-scoring must not invent "no output" errors for cases never run.
    only: new Set(recorded.keys()),
  });
  const rescored = report.cases;
  if (parsed.values.json) {
    out(JSON.stringify(report, null, 2));
    return 0;
  }
  const changes = diffCaseVerdicts(old.cases, rescored);
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
