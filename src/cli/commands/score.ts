import { parseCommandArgs } from '../parseCommandArgs.ts';
import { runSuite } from '../../core/run/runSuite.ts';
import { DEFAULT_PARAMS, MAX_SAMPLES } from '../../core/report/paramsSchema.ts';
import { DEFAULT_SCORING } from '../../core/execution/schema.ts';
import {
  parseExecTimeoutOption,
  parsePassKOption,
  SCORING_OPTIONS,
  scoringHelp,
  withExecutor,
} from '../scoringOptions.ts';
import { caseKey } from '../../core/run/caseKey.ts';
import { renderTextSummary } from '../../core/report/renderTextSummary.ts';
import { createReplayEngine, type RecordedOutput } from '../../engines/replay/createReplayEngine.ts';
import { loadSuiteFile } from '../loadSuite.ts';
import { err, readJsonFile, out, UsageError } from '../io.ts';
import { printReportJson } from '../printReportJson.ts';

export const scoreHelp = `tabeval score --suite FILE --outputs OUTPUTS.json [--model NAME] [--json] [scoring options]
  Scores model outputs against a suite. OUTPUTS.json maps case id to the raw model output text, or
  to a list of texts (several samples of the case, for pass@k); a case with no output is scored as
  an error ("no output"). --model names the model in the report. Cases with tests run their code
  in Pyodide, in a child Node process. Prints overall (with its 95% interval), macro, categories
  and failing cases with reasons; with --json, prints the whole report (schema tabeval.report/2).
${scoringHelp}`;

/** `tabeval score`: the runner with recorded outputs, so scores match the app's exactly. */
export async function runScore(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', args, {
    suite: { type: 'string' },
    outputs: { type: 'string' },
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
    ...SCORING_OPTIONS,
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}": give --suite FILE --outputs FILE`);
  if (!values.suite || !values.outputs)
    throw new UsageError('--suite FILE and --outputs FILE are both required');
  const suite = await loadSuiteFile(values.suite);
  const outputs = await readJsonFile(values.outputs, 'outputs');
  const recorded = toRecordedOutputs(outputs, values.outputs);
  const ids = new Set(suite.cases.map((c) => c.id));
  const unknown = [...recorded.keys()].filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    err(`warning: ${values.outputs} has outputs for unknown case ids: ${unknown.join(', ')}`);
  }
  const passK = parsePassKOption(values['pass-k']);
  const execTimeoutMs = parseExecTimeoutOption(values['exec-timeout']) ?? DEFAULT_SCORING.execTimeoutMs;
  const samples = Math.max(1, ...[...recorded.values()].map((outputs) => outputs.length));
  const tooFew = passK.filter((k) => k > samples);
  if (tooFew.length > 0) {
    err(`warning: pass@${tooFew.join(', pass@')} needs more samples than the ${samples} per case given`);
  }
  const { report } = await withExecutor(suite, values['no-exec'], (executor) =>
    runSuite({
      suite,
      engine: createReplayEngine(byCaseKey(recorded), {
        source: { kind: 'outputs', model: values.model ?? null },
      }),
      params: { ...DEFAULT_PARAMS, samples },
      ...(executor ? { executor } : {}),
      scoring: { passK, execTimeoutMs },
      // The samples given, and sample 0 of every case (no output: an error). A case with fewer
      // samples than the most is not padded with errors.
      only: new Set([
        ...suite.cases.map((c) => caseKey(c.id, 0)),
        ...[...recorded].flatMap(([id, outputs]) => outputs.map((_, i) => caseKey(id, i))),
      ]),
    }),
  );
  if (values.json) await printReportJson(report);
  else out(renderTextSummary(report));
  return 0;
}

/**
 * The outputs file's content (`{"case-id": "text" | ["sample", …]}`) as outputs by case id; any
 * other shape is a `UsageError` naming the file and the entry. Exported for the property tests.
 */
export function toRecordedOutputs(value: unknown, path: string): Map<string, RecordedOutput[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${path} must be a JSON object mapping case id to output text`);
  }
  const map = new Map<string, RecordedOutput[]>();
  for (const [id, entry] of Object.entries(value)) {
    const texts: unknown[] = Array.isArray(entry) ? entry : [entry];
    if (texts.length === 0 || texts.length > MAX_SAMPLES) {
      throw new UsageError(
        `${path}: "${id}" must have from 1 to ${MAX_SAMPLES} outputs (got ${texts.length})`,
      );
    }
    map.set(
      id,
      texts.map((text, i) => {
        if (typeof text !== 'string' && text !== null) {
          const where = Array.isArray(entry) ? `"${id}"[${i}]` : `"${id}"`;
          throw new UsageError(`${path}: the output for ${where} must be a string (got ${typeof text})`);
        }
        return { output: text };
      }),
    );
  }
  return map;
}

/** Outputs by case key (id and sample), as the replay engine serves them. */
function byCaseKey(outputs: ReadonlyMap<string, RecordedOutput[]>): Map<string, RecordedOutput> {
  return new Map(
    [...outputs].flatMap(([id, samples]) => samples.map((output, i) => [caseKey(id, i), output] as const)),
  );
}
