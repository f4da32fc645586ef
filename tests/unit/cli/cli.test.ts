import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The CLI is run from source (tsx), as a user would run the built bin: real process, real exit codes.
function tabeval(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tabeval CLI', () => {
  it('--help lists every command', async () => {
    const r = await tabeval(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['parse', 'suite', 'score', 'rescore'])
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('parse reads standard input and prints calls as JSON', async () => {
    const r = await tabeval(
      ['parse'],
      'Reading.\n<tool_call>{"name": "read_file", "arguments": {"path": "a.py"}}</tool_call>',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      text: 'Reading.',
      calls: [{ name: 'read_file', arguments: { path: 'a.py' }, format: 'tagged-json' }],
      nearMisses: [],
    });
  });

  it('parse names an unreadable file in one line and exits 2', async () => {
    const r = await tabeval(['parse', join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.txt');
  });

  it('an unknown command exits 2 with a pointer to --help', async () => {
    const r = await tabeval(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tabeval --help');
  });

  it('score reproduces the seed: the 1.5B outputs give 92.9% overall', async () => {
    const r = await tabeval([
      'score',
      '--suite',
      'suites/punie-baseline.json',
      '--outputs',
      'tests/fixtures/outputs/punie-1.5b.json',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('tabeval.report/1');
    expect(report.summary.overall).toBeCloseTo(6.5 / 7, 10);
    expect(report.summary.categories.tool_calling.mean).toBeCloseTo(2.5 / 3, 10);
    expect(report.summary.categories.code_generation).toMatchObject({ mean: 1, n: 2 });
    expect(report.summary.categories.reasoning).toMatchObject({ mean: 1, n: 2 });
    const tool01 = report.cases.find((c: { id: string }) => c.id === 'tool-01');
    expect(tool01).toMatchObject({ score: 0.75, passed: false });
    expect(tool01.reasons).toContain('punie:missing_keyword:127.0.0.1');
  });

  it('score prints a readable table: 30B outputs give 75.0% with failing cases and reasons', async () => {
    const r = await tabeval([
      'score',
      '--suite',
      'suites/punie-baseline.json',
      '--outputs',
      'tests/fixtures/outputs/punie-30b.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/overall \(mean over cases, Punie rule\): 75\.0 %/);
    expect(r.stdout).toMatch(/macro \(mean over categories\): +73\.6 %/);
    expect(r.stdout).toMatch(/reason-02 +0\.0 % .*missing_keyword:O\(log n\)/);
  });

  it('score treats a case with no output as an error', async () => {
    const outputs = join(dir, 'partial.json');
    await writeFile(outputs, JSON.stringify({ 'tool-01': 'nothing' }));
    const r = await tabeval([
      'score',
      '--suite',
      'suites/punie-baseline.json',
      '--outputs',
      outputs,
      '--json',
    ]);
    const report = JSON.parse(r.stdout);
    const code01 = report.cases.find((c: { id: string }) => c.id === 'code-01');
    expect(code01).toMatchObject({ score: 0, passed: false, error: 'no output' });
    expect(report.summary.successRate).toBeCloseTo(1 / 7, 10);
  });

  it.each([
    [
      'a missing suite file',
      ['--suite', 'nope.json', '--outputs', 'tests/fixtures/outputs/punie-1.5b.json'],
      'nope.json',
    ],
    [
      'outputs that are not JSON',
      ['--suite', 'suites/punie-baseline.json', '--outputs', 'README.md'],
      'not valid JSON',
    ],
    ['a missing option', ['--suite', 'suites/punie-baseline.json'], '--outputs'],
  ])('score rejects %s in one clear line, exit 2', async (_label, args, fragment) => {
    const r = await tabeval(['score', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(fragment);
  });

  it('suite validate lists every problem by path; suite hash prints the identity', async () => {
    const bad = join(dir, 'bad-suite.json');
    await writeFile(
      bad,
      JSON.stringify({
        id: 'x',
        version: '1',
        description: '',
        system_prompt: '',
        tools: [],
        cases: [
          {
            id: 'a',
            category: 'c',
            prompt: 'p',
            expected_calls: [{ name: 'f', arguments: { path: { equal: 1 } } }],
          },
          { id: 'a', category: 'c', prompt: 'p' },
        ],
      }),
    );
    const r = await tabeval(['suite', 'validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('cases[0].expected_calls[0].arguments.path');
    expect(r.stdout).toMatch(/duplicate/i);

    const h = await tabeval(['suite', 'hash', 'suites/punie-baseline.json']);
    expect(h.code).toBe(0);
    expect(h.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rescore says which cases changed and why', async () => {
    const scored = await tabeval([
      'score',
      '--suite',
      'suites/punie-baseline.json',
      '--outputs',
      'tests/fixtures/outputs/punie-1.5b.json',
      '--json',
    ]);
    const report = JSON.parse(scored.stdout);
    const same = join(dir, 'report.json');
    await writeFile(same, JSON.stringify(report));
    const r1 = await tabeval(['rescore', same]);
    expect(r1.code).toBe(0);
    expect(r1.stdout).toContain('no case changed its verdict');

    // A report recorded by an older scorer: tool-01 was said to pass.
    const tool01 = report.cases.find((c: { id: string }) => c.id === 'tool-01');
    Object.assign(tool01, { score: 1, passed: true, reasons: [] });
    const old = join(dir, 'old-report.json');
    await writeFile(old, JSON.stringify(report));
    const r2 = await tabeval(['rescore', old]);
    expect(r2.stdout).toMatch(
      /tool-01: score 100\.0 % -> 75\.0 %; now fails; new reasons: punie:missing_keyword:127\.0\.0\.1/,
    );
  });

  it('rescore rejects a file that is not a report, exit 2', async () => {
    const r = await tabeval(['rescore', 'suites/punie-baseline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a valid report');
  });
});
