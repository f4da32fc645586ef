// Finding 3 of issue 16: text from a suite or report used as a key must never meet
// Object.prototype. Every Object.prototype name becomes a case id, a category, a tool name and an
// argument name; the scores through suite -> run session (the app's path) -> report -> rescore,
// and through the CLI's score and rescore, must equal those of the ordinary names.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/report/paramsSchema.ts';
import { parseReportJson } from '../../../src/core/report/parseReportJson.ts';
import { reportSuite } from '../../../src/core/report/reportSuite.ts';
import type { Report } from '../../../src/core/report/schema.ts';
import { caseKey } from '../../../src/core/run/caseKey.ts';
import { createRun, executeRun } from '../../../src/core/run/runSession.ts';
import { createMemoryRunStore } from '../../../src/core/run/runStore.ts';
import { runSuite } from '../../../src/core/run/runSuite.ts';
import { parseSuiteJson } from '../../../src/core/suite/parseSuiteJson.ts';
import { createReplayEngine, type RecordedOutput } from '../../../src/engines/replay/createReplayEngine.ts';
import { replayReport } from '../../../src/engines/replay/replayReport.ts';
import { tabeval } from '../cli/runCli.ts';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];
const SUITE_TEXT = await readFile('suites/punie-baseline.json', 'utf8');
const OUTPUTS_TEXT = await readFile('tests/fixtures/outputs/punie-1.5b.json', 'utf8');

/**
 * The punie suite and outputs with a case id, a category, a tool and an argument renamed to
 * `name`. `__proto__`, `constructor` and `prototype` stay out of argument names: a suite refuses them
 * as keys anywhere (tested below).
 */
function renamed(name: string): { suite: string; outputs: string } {
  const quoted = JSON.stringify(name);
  // Inside the outputs the names are escaped once more (JSON in a JSON string).
  const inner = JSON.stringify(quoted).slice(1, -1);
  const swap = (text: string) => {
    let swapped = text
      .replaceAll('"tool-01"', quoted)
      .replaceAll('"tool_calling"', quoted)
      .replaceAll('"read_file"', quoted)
      .replaceAll('\\"read_file\\"', inner);
    if (!RESERVED_KEYS.includes(name))
      swapped = swapped.replaceAll('"path"', quoted).replaceAll('\\"path\\"', inner);
    return swapped;
  };
  return { suite: swap(SUITE_TEXT), outputs: swap(OUTPUTS_TEXT) };
}

interface Scores {
  overall: number;
  macro: number;
  categories: number[][];
  cases: { score: number; passed: boolean; reasons: string[] }[];
}

function scoresOf(report: Report): Scores {
  return {
    overall: report.summary.overall,
    macro: report.summary.macro,
    categories: report.summary.categories.map((c) => [c.n, c.passed, c.mean, c.passRate]),
    cases: report.cases.map((c) => ({ score: c.score, passed: c.passed, reasons: c.reasons })),
  };
}

async function appScores(suiteText: string, outputsText: string): Promise<Scores[]> {
  const parsed = parseSuiteJson(suiteText);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const suite = parsed.value;
  const outputs = new Map<string, RecordedOutput>();
  for (const [id, text] of Object.entries(JSON.parse(outputsText) as Record<string, string>)) {
    outputs.set(caseKey(id, 0), { output: text });
  }
  const store = createMemoryRunStore();
  const run = await createRun(
    store,
    {
      suite,
      params: { ...DEFAULT_PARAMS },
      device: null,
      outputs: { kind: 'live', model: { engine: 'webllm', kind: 'catalog', modelId: 'm' } },
      caseTimeoutMs: null,
    },
    { model: 'm', device: 'here' },
  );
  const finished = await executeRun(run, { store, engine: createReplayEngine(outputs) });
  if (finished.report === null) throw new Error(`no report: ${finished.error}`);
  const report = finished.report;
  // Saved and opened again, as the app's "Open a report" does.
  const reopened = parseReportJson(JSON.stringify(report));
  if (!reopened.ok) throw new Error(reopened.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const embedded = reportSuite(reopened.value);
  if (!embedded.ok) throw new Error('embedded suite invalid');
  const replay = await replayReport(reopened.value, embedded.value);
  if (!replay.ok) throw new Error(`prompts changed: ${replay.changed.map((c) => c.id).join(', ')}`);
  const rescored = await runSuite(replay.input);
  return [scoresOf(report), scoresOf(rescored.report)];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-proto-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Object.prototype names as ids, categories, tools and arguments', () => {
  it.each(RESERVED_KEYS)('a suite refuses %s as an argument name, naming the place', (name) => {
    const parsed = parseSuiteJson(SUITE_TEXT.replaceAll('"path"', JSON.stringify(name)));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.path}: ${i.message}`)).toContain(
      `cases[0].expected_calls[0].arguments.${name}: the key '${name}' is reserved: rename it`,
    );
  });

  it('lists the names to try', () => {
    expect(PROTOTYPE_NAMES).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty']),
    );
  });

  it.each(PROTOTYPE_NAMES)(
    '%s scores exactly as the ordinary names, in the run session and on rescore',
    async (name) => {
      const [baseRun, baseRescore] = await appScores(SUITE_TEXT, OUTPUTS_TEXT);
      const { suite, outputs } = renamed(name);
      const [run, rescore] = await appScores(suite, outputs);
      expect(run).toEqual(baseRun);
      expect(rescore).toEqual(baseRescore);
      expect(baseRun!.overall).toBeCloseTo(0.929, 3);
    },
  );

  it.each(PROTOTYPE_NAMES)(
    '%s scores exactly as the ordinary names in tabeval score and rescore',
    async (name) => {
      const { suite, outputs } = renamed(name);
      const suitePath = join(dir, `${name}.suite.json`);
      const outputsPath = join(dir, `${name}.outputs.json`);
      await writeFile(suitePath, suite);
      await writeFile(outputsPath, outputs);
      const scored = await tabeval([
        'score',
        '--suite',
        suitePath,
        '--outputs',
        outputsPath,
        '--json',
        '--no-exec',
      ]);
      expect(scored.stderr).toBe('');
      expect(scored.code).toBe(0);
      const report = JSON.parse(scored.stdout) as Report;
      const [base] = await appScores(SUITE_TEXT, OUTPUTS_TEXT);
      expect(scoresOf(report)).toEqual(base);
      expect(report.cases[0]!.id).toBe(name);
      const reportPath = join(dir, `${name}.report.json`);
      await writeFile(reportPath, scored.stdout);
      const rescored = await tabeval(['rescore', reportPath, '--json', '--no-exec']);
      expect(rescored.code).toBe(0);
      expect(scoresOf(JSON.parse(rescored.stdout) as Report)).toEqual(base);
    },
  );
});
