// The Python sandbox's figures, in the CLI (Pyodide in a child Node process) and in the tab (Pyodide
// in its module worker, on the built site in the system Chromium): time until ready, cold and warm;
// the overhead of one execution (a job whose code does nothing); and 164 HumanEval problems, each
// with its canonical solution (all must pass) and with its body replaced by `raise
// NotImplementedError` (all must fail). HumanEval comes from ../shared/peer-data when it is there
// (never copied into the project); without it, 164 problems of the bundled python-functions suite's
// reference solutions stand in, and the figures say so. Prints figures; asserts nothing.
// Run alone with `node --import tsx perf/exec.ts` (the tab part needs `npm run build` first).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { prepareSolution } from '../src/core/execution/prepareSolution.ts';
import type { ExecutionJob, ExecutionOutcome, Executor } from '../src/core/execution/schema.ts';
import { importHumanEval } from '../src/core/suite/import/importHumanEval.ts';
import { createNodeExecutor } from '../src/exec/node/createNodeExecutor.ts';
import type { ExecHarness } from '../src/exec/browser/harnessPage.ts';
import { servePreview } from './previewServer.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const HUMANEVAL = path.resolve(ROOT, '../shared/peer-data/humaneval/HumanEval.jsonl.gz');
const OVERHEAD_JOBS = 100;
const TIMEOUT_MS = 5000;
const PORT = Number(process.env.TABEVAL_BENCH_PORT ?? 4189);

interface Problems {
  source: string;
  passing: ExecutionJob[];
  failing: ExecutionJob[];
}

const NOOP: ExecutionJob = {
  solution: { code: 'pass\n', choice: 'last_fence', assembly: 'as_written' },
  spec: { tests: 'assert True\n' },
  timeoutMs: TIMEOUT_MS,
};

const fence = (code: string) => '```python\n' + code + '\n```';

function jobFor(reply: string, spec: ExecutionJob['spec']): ExecutionJob {
  const solution = prepareSolution(reply, spec);
  if (solution === null) throw new Error(`no solution found in ${reply.slice(0, 60)}`);
  return { solution, spec, timeoutMs: TIMEOUT_MS };
}

/** A model's typical reply: the whole function, written out (prompt + canonical body). */
function humanEvalProblems(): Problems | null {
  if (!existsSync(HUMANEVAL)) return null;
  const text = gunzipSync(readFileSync(HUMANEVAL)).toString('utf8');
  const imported = importHumanEval(text);
  if (!imported.ok) throw new Error(`HumanEval did not import: ${JSON.stringify(imported.issues[0])}`);
  const canonical = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const problem = JSON.parse(line) as { task_id: string; canonical_solution: string };
    canonical.set(problem.task_id, problem.canonical_solution);
  }
  const passing: ExecutionJob[] = [];
  const failing: ExecutionJob[] = [];
  for (const suiteCase of imported.value.cases) {
    const spec = suiteCase.execution!;
    const prompt = spec.prompt_code ?? '';
    passing.push(jobFor(fence(prompt + (canonical.get(suiteCase.id) ?? '')), spec));
    failing.push(jobFor(fence(`${prompt}    raise NotImplementedError\n`), spec));
  }
  return { source: `HumanEval (${passing.length} problems, ../shared/peer-data)`, passing, failing };
}

function standInProblems(): Problems {
  const suite = JSON.parse(readFileSync(path.join(ROOT, 'suites/python-functions.json'), 'utf8')) as {
    cases: { id: string; execution: ExecutionJob['spec'] }[];
  };
  const solutions = JSON.parse(
    readFileSync(path.join(ROOT, 'tests/fixtures/python-functions/solutions.json'), 'utf8'),
  ) as Record<string, { reference: string; wrong: string[] }>;
  const passing: ExecutionJob[] = [];
  const failing: ExecutionJob[] = [];
  for (let i = 0; passing.length < 164; i++) {
    const suiteCase = suite.cases[i % suite.cases.length]!;
    const found = solutions[suiteCase.id];
    if (!found) continue;
    passing.push(jobFor(found.reference, suiteCase.execution));
    failing.push(jobFor(found.wrong[0] ?? 'raise NotImplementedError', suiteCase.execution));
  }
  return {
    source: '164 python-functions problems (HumanEval not found in ../shared/peer-data)',
    passing,
    failing,
  };
}

function tally(outcomes: ExecutionOutcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status} ${n}`).join(', ');
}

function line(label: string, value: string, target = ''): void {
  console.log(`${label.padEnd(44)} ${value.padStart(12)}${target ? `   target ${target}` : ''}`);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function runAll(
  executor: Pick<Executor, 'execute'>,
  jobs: ExecutionJob[],
): Promise<ExecutionOutcome[]> {
  const outcomes: ExecutionOutcome[] = [];
  for (const job of jobs) outcomes.push(await executor.execute(job));
  return outcomes;
}

async function benchCli(problems: Problems): Promise<void> {
  console.log('-- CLI: Pyodide in a child Node process --');
  const first = await createNodeExecutor();
  const [, cold] = await timed(() => first.ready());
  line('ready, cold (first start in this process)', `${cold.toFixed(0)} ms`, '< 4000 ms');
  await runAll(first, [NOOP]);
  const [, noops] = await timed(() => runAll(first, Array(OVERHEAD_JOBS).fill(NOOP)));
  line(
    `overhead per case (${OVERHEAD_JOBS} empty jobs)`,
    `${(noops / OVERHEAD_JOBS).toFixed(2)} ms`,
    '< 20 ms',
  );
  const [passed, passMs] = await timed(() => runAll(first, problems.passing));
  line(`${problems.passing.length} problems, canonical solutions`, `${(passMs / 1000).toFixed(2)} s`);
  console.log(`   ${tally(passed)}`);
  const [failed, failMs] = await timed(() => runAll(first, problems.failing));
  line(`${problems.failing.length} problems, broken solutions`, `${(failMs / 1000).toFixed(2)} s`);
  console.log(`   ${tally(failed)}`);
  await first.dispose();
  const second = await createNodeExecutor();
  const [, warm] = await timed(() => second.ready());
  line('ready, warm (a second executor)', `${warm.toFixed(0)} ms`);
  await second.dispose();
}

async function benchTab(problems: Problems): Promise<void> {
  console.log('-- tab: Pyodide in its module worker, Chromium (software) --');
  if (!existsSync(path.join(ROOT, 'dist/exec-harness.html'))) {
    console.log('   skipped: no dist/exec-harness.html (run `npm run build` first)');
    return;
  }
  const url = `http://127.0.0.1:${PORT}/exec-harness.html`;
  const server = await servePreview(PORT, url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext();
    const open = async () => {
      const page = await context.newPage();
      await page.goto(url);
      const readyMs = await page.evaluate(() =>
        (window as unknown as { tabevalExec: ExecHarness }).tabevalExec.ready(),
      );
      return { page, readyMs };
    };
    const cold = await open();
    line('ready, cold (empty HTTP cache)', `${cold.readyMs.toFixed(0)} ms`, '< 4000 ms');
    const isolated = await cold.page.evaluate(() => globalThis.crossOriginIsolated);
    line('cross-origin isolated (interrupts in place)', String(isolated));
    const inPage = (jobs: ExecutionJob[]) =>
      cold.page.evaluate(async (list) => {
        const exec = (window as unknown as { tabevalExec: ExecHarness }).tabevalExec;
        const started = performance.now();
        const outcomes = [];
        for (const job of list) outcomes.push(await exec.execute(job));
        return { outcomes, ms: performance.now() - started };
      }, jobs);
    await inPage([NOOP]);
    const noops = await inPage(Array(OVERHEAD_JOBS).fill(NOOP));
    line(
      `overhead per case (${OVERHEAD_JOBS} empty jobs)`,
      `${(noops.ms / OVERHEAD_JOBS).toFixed(2)} ms`,
      '< 20 ms',
    );
    const passed = await inPage(problems.passing);
    line(`${problems.passing.length} problems, canonical solutions`, `${(passed.ms / 1000).toFixed(2)} s`);
    console.log(`   ${tally(passed.outcomes)}`);
    const failed = await inPage(problems.failing);
    line(`${problems.failing.length} problems, broken solutions`, `${(failed.ms / 1000).toFixed(2)} s`);
    console.log(`   ${tally(failed.outcomes)}`);
    await cold.page.close();
    const warm = await open();
    line('ready, warm (HTTP cache filled)', `${warm.readyMs.toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.stop();
  }
}

export async function benchExec(): Promise<void> {
  const problems = humanEvalProblems() ?? standInProblems();
  console.log(`problems: ${problems.source}`);
  await benchCli(problems);
  await benchTab(problems);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchExec();
