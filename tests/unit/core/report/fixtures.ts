// Report fixtures for the renderer tests: the committed ones (tests/fixtures/reports), read through
// the real validator, and the two Punie runs built from their recorded outputs by the real runner,
// exactly as `tabeval score --json` builds them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { caseKey } from '../../../../src/core/run/caseKey.ts';
import { parseSuiteJson } from '../../../../src/core/suite/parseSuiteJson.ts';
import {
  createReplayEngine,
  type RecordedOutput,
} from '../../../../src/engines/replay/createReplayEngine.ts';

// Paths from the working directory (vitest runs at the repository root): under jsdom,
// import.meta.url is not a file URL.
const root = process.cwd();

/** A committed report fixture (`rich`, `hostile`, `punie-30b`), validated. */
export function loadReport(name: 'rich' | 'hostile' | 'punie-30b'): Report {
  const text = readFileSync(join(root, 'tests', 'fixtures', 'reports', `${name}.report.json`), 'utf8');
  const result = parseReportJson(text);
  if (!result.ok) throw new Error(`${name} is not a valid report: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** The report of Punie's baseline suite scored on the recorded outputs of one model. */
export async function punieReport(model: '1.5b' | '30b'): Promise<Report> {
  const suite = parseSuiteJson(readFileSync(join(root, 'suites', 'punie-baseline.json'), 'utf8'));
  if (!suite.ok) throw new Error('suites/punie-baseline.json does not validate');
  const outputs = JSON.parse(
    readFileSync(join(root, 'tests', 'fixtures', 'outputs', `punie-${model}.json`), 'utf8'),
  ) as Record<string, string>;
  const recorded = new Map<string, RecordedOutput>(
    Object.entries(outputs).map(([id, output]) => [caseKey(id, 0), { output }]),
  );
  const { report } = await runSuite({
    suite: suite.value,
    engine: createReplayEngine(recorded),
    params: { ...DEFAULT_PARAMS },
  });
  return report;
}

/** A deep copy, to change a fixture in one test without touching the others. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
