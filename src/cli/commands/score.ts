import { parseCommandArgs } from '../parseCommandArgs.ts';
import { runSuite } from '../../core/run/runSuite.ts';
import { DEFAULT_PARAMS } from '../../core/report/paramsSchema.ts';
import { caseKey } from '../../core/run/caseKey.ts';
import { renderTextSummary } from '../../core/report/renderTextSummary.ts';
import { createReplayEngine, type RecordedOutput } from '../../engines/replay/createReplayEngine.ts';
import { loadSuiteFile } from '../loadSuite.ts';
import { err, readJsonFile, out, UsageError } from '../io.ts';

export const scoreHelp = `tabeval score --suite FILE --outputs OUTPUTS.json [--model NAME] [--json]
  Scores model outputs against a suite. OUTPUTS.json maps case id to the raw model output text;
  a case with no output is scored as an error ("no output"). --model names the model in the report.
  Prints overall (with its 95% interval), macro, categories and failing cases with reasons;
  with --json, prints the whole report (schema tabeval.report/1).`;

/** `tabeval score`: the runner with recorded outputs, so scores match the app's exactly. */
export async function runScore(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', args, {
    suite: { type: 'string' },
    outputs: { type: 'string' },
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}": give --suite FILE --outputs FILE`);
  if (!values.suite || !values.outputs)
    throw new UsageError('--suite FILE and --outputs FILE are both required');
  const suite = await loadSuiteFile(values.suite);
  const outputs = await readJsonFile(values.outputs);
  const recorded = toRecordedOutputs(outputs, values.outputs);
  const ids = new Set(suite.cases.map((c) => c.id));
  const unknown = [...recorded.keys()].filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    err(`warning: ${values.outputs} has outputs for unknown case ids: ${unknown.join(', ')}`);
  }
  const { report } = await runSuite({
    suite,
    engine: createReplayEngine(byCaseKey(recorded), {
      source: { kind: 'outputs', model: values.model ?? null },
    }),
    params: { ...DEFAULT_PARAMS },
  });
  out(values.json ? JSON.stringify(report, null, 2) : renderTextSummary(report));
  return 0;
}

function toRecordedOutputs(value: unknown, path: string): Map<string, RecordedOutput> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${path} must be a JSON object mapping case id to output text`);
  }
  const map = new Map<string, RecordedOutput>();
  for (const [id, text] of Object.entries(value)) {
    if (typeof text !== 'string' && text !== null) {
      throw new UsageError(`${path}: the output for "${id}" must be a string (got ${typeof text})`);
    }
    map.set(id, { output: text });
  }
  return map;
}

/** Outputs by case id as the replay engine keys them: the first sample of each case. */
function byCaseKey(outputs: ReadonlyMap<string, RecordedOutput>): Map<string, RecordedOutput> {
  return new Map([...outputs].map(([id, output]) => [caseKey(id, 0), output]));
}
