import { parseArgs } from 'node:util';
import { runSuite } from '../../core/run/runSuite.ts';
import { DEFAULT_PARAMS } from '../../core/run/defaultParams.ts';
import { renderTextSummary } from '../../core/report/renderTextSummary.ts';
import { createReplayEngine, type RecordedOutput } from '../../engines/replay/createReplayEngine.ts';
import { loadSuiteFile } from '../loadSuite.ts';
import { readJsonFile, out, UsageError } from '../io.ts';

export const scoreHelp = `tabeval score --suite FILE --outputs OUTPUTS.json [--json]
  Scores model outputs against a suite. OUTPUTS.json maps case id to the raw model output text;
  a case with no output is scored as an error ("no output").
  Prints overall (with its 95% interval), macro, categories and failing cases with reasons;
  with --json, prints the whole report (schema tabeval.report/1).`;

/** `tabeval score`: the runner with recorded outputs, so scores match the app's exactly. */
export async function runScore(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args);
  if (!values.suite || !values.outputs)
    throw new UsageError('--suite FILE and --outputs FILE are both required');
  const suite = await loadSuiteFile(values.suite);
  const outputs = await readJsonFile(values.outputs);
  const recorded = toRecordedOutputs(outputs, values.outputs);
  const unknown = [...recorded.keys()].filter((id) => !suite.cases.some((c) => c.id === id));
  if (unknown.length > 0) {
    process.stderr.write(
      `warning: ${values.outputs} has outputs for unknown case ids: ${unknown.join(', ')}\n`,
    );
  }
  const { report } = await runSuite({
    suite,
    engine: createReplayEngine(suite, recorded),
    params: { ...DEFAULT_PARAMS },
    source: 'outputs',
  });
  out(values.json ? JSON.stringify(report, null, 2) : renderTextSummary(report));
  return 0;
}

function parseCliArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        suite: { type: 'string' },
        outputs: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
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
