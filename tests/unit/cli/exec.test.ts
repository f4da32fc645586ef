// `tabeval score` and `rescore` run the code of cases with tests (Pyodide in a child Node process),
// with the same verdicts and report as the tab; samples as lists give pass@k.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabeval } from './runCli.ts';

let dir = '';
let suiteFile = '';

const suite = {
  id: 'exec-cli',
  version: '1.0.0',
  description: 'two functions',
  system_prompt: 'Write Python.',
  tools: [],
  cases: [
    {
      id: 'double',
      category: 'math',
      prompt: 'Write double(x).',
      execution: {
        entry_point: 'double',
        tests: 'def check(candidate):\n    assert candidate(2) == 4\n    assert candidate(-1) == -2\n',
      },
    },
    {
      id: 'head',
      category: 'lists',
      prompt: 'Write head(xs) returning the first item or None.',
      execution: { tests: 'assert head([3, 4]) == 3\nassert head([]) is None\n' },
    },
  ],
};

const fence = (code: string) => '```python\n' + code + '\n```';
const right = fence('def double(x):\n    return 2 * x');
const wrong = fence('def double(x):\n    return x + 2');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-exec-'));
  suiteFile = join(dir, 'suite.json');
  await writeFile(suiteFile, JSON.stringify(suite));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each command starts Pyodide in a child process (about 3 s here).
describe('tabeval score runs the tests', { timeout: 60_000 }, () => {
  it('passes a right solution, fails a wrong one with the failing assert, says the network is reachable', async () => {
    const outputs = join(dir, 'outputs.json');
    await writeFile(
      outputs,
      JSON.stringify({ double: wrong, head: fence('def head(xs):\n    return xs[0] if xs else None') }),
    );
    const r = await tabeval(['score', '--suite', suiteFile, '--outputs', outputs, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/network/i);
    const report = JSON.parse(r.stdout);
    const [double, head] = report.cases;
    expect(head).toMatchObject({ passed: true });
    expect(double.passed).toBe(false);
    const exec = double.verdicts.find((v: { scorer: string }) => v.scorer === 'exec');
    expect(exec.execution).toMatchObject({
      status: 'assertion_failed',
      choice: 'fence_entry_point',
      line: 3,
      source: 'assert candidate(-1) == -2',
    });
    expect(exec.execution.code).toContain('return x + 2');
    expect(report.scoring).toMatchObject({ executor: { runtime: 'pyodide', sandbox: 'node-child' } });
  });

  it('samples as lists give unbiased pass@k; --no-exec runs nothing', async () => {
    const outputs = join(dir, 'samples.json');
    await writeFile(outputs, JSON.stringify({ double: [right, wrong, wrong, right], head: ['no code'] }));
    const r = await tabeval(['score', '--suite', suiteFile, '--outputs', outputs, '--pass-k', '2', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.params.samples).toBe(4);
    expect(report.cases).toHaveLength(5);
    const at = Object.fromEntries(report.summary.passAtK.map((p: { k: number; value: number }) => [p.k, p]));
    // double: 2 of 4 pass; head: its one sample has no code.
    expect(at[1].value).toBeCloseTo((0.5 + 0) / 2, 12);
    expect(at[2]).toMatchObject({ n: 1 });
    expect(at[2].value).toBeCloseTo(1 - 1 / 6, 12);

    const off = await tabeval(['score', '--suite', suiteFile, '--outputs', outputs, '--no-exec', '--json']);
    expect(off.stderr).not.toMatch(/network/i);
    expect(JSON.parse(off.stdout).cases[0].reasons).toContain('exec:no_executor');
  });

  it('rescore runs the code again and keeps the recorded pass@k', async () => {
    const outputs = join(dir, 'samples2.json');
    await writeFile(outputs, JSON.stringify({ double: [right, wrong], head: ['no code'] }));
    const scored = await tabeval([
      'score',
      '--suite',
      suiteFile,
      '--outputs',
      outputs,
      '--pass-k',
      '2',
      '--json',
    ]);
    const reportFile = join(dir, 'report.json');
    await writeFile(reportFile, scored.stdout);
    const r = await tabeval(['rescore', reportFile, '--json']);
    expect(r.code).toBe(0);
    const again = JSON.parse(r.stdout);
    expect(again.summary.passAtK.map((p: { k: number }) => p.k)).toEqual([1, 2]);
    expect(again.cases.map((c: { passed: boolean }) => c.passed)).toEqual([true, false, false]);
  });

  it('rejects a bad --pass-k or --exec-timeout in one line', async () => {
    const outputs = join(dir, 'outputs.json');
    const bad = await tabeval(['score', '--suite', suiteFile, '--outputs', outputs, '--pass-k', 'five']);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain('--pass-k: "five" is not a whole number');
    const slow = await tabeval(['score', '--suite', suiteFile, '--outputs', outputs, '--exec-timeout', '10']);
    expect(slow.stderr).toContain('--exec-timeout');
  });
});
