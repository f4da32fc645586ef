import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tabeval } from './runCli.ts';

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
    expect(report.schema).toBe('tabeval.report/2');
    expect(report.summary.headline).toBe('punie');
    expect(report.summary.overall).toBeCloseTo(6.5 / 7, 10);
    const category = (name: string) =>
      report.summary.categories.find((c: { name: string }) => c.name === name);
    expect(category('tool_calling').mean).toBeCloseTo(2.5 / 3, 10);
    expect(category('code_generation')).toMatchObject({ mean: 1, n: 2 });
    expect(category('reasoning')).toMatchObject({ mean: 1, n: 2 });
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
    expect(r.stdout).toMatch(/punie score \(mean over cases\): +75\.0 %/);
    expect(r.stdout).toMatch(/macro \(mean over categories\): +73\.6 %/);
    expect(r.stdout).toMatch(/reason-02 +0\.0 % .*keyword "O\(log n\)" not found/);
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
      /tool-01: score 100\.0 % -> 75\.0 %; now fails; new reasons: keyword "127\.0\.0\.1" not found/,
    );
  });

  it('rescore rejects a file that is not a report, exit 2', async () => {
    const r = await tabeval(['rescore', 'suites/punie-baseline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a valid report');
  });
});

describe('tabeval CLI: pipes, replays and the shapes of input', () => {
  it('stops quietly when the reader closes the pipe early, keeping its own exit code', async () => {
    const many = join(dir, 'many-problems.json');
    await writeFile(
      many,
      JSON.stringify({
        id: 'x',
        version: '1',
        description: '',
        system_prompt: '',
        tools: [],
        cases: Array.from({ length: 5000 }, (_, i) => ({
          id: 'same',
          category: 'c',
          prompt: 'p',
          expected_calls: [{ name: `undeclared-${i}` }],
        })),
      }),
    );
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['dist-cli/main.js', 'suite', 'validate', many]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like `| head -1`: read the first chunk, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('score gives each case its own output even when two cases send the same prompt', async () => {
    const suite = join(dir, 'twins.json');
    await writeFile(
      suite,
      JSON.stringify({
        id: 'twins',
        version: '1',
        description: '',
        system_prompt: '{tools}',
        tools: [{ name: 'f', parameters: { type: 'object', properties: { x: { type: 'integer' } } } }],
        cases: ['a', 'b'].map((id) => ({
          id,
          category: 'c',
          prompt: 'call f',
          expected_calls: [{ name: 'f', arguments: { x: { equals: 1 } } }],
        })),
      }),
    );
    const outputs = join(dir, 'twins-outputs.json');
    await writeFile(
      outputs,
      JSON.stringify({
        a: '<tool_call>{"name": "f", "arguments": {"x": 2}}</tool_call>',
        b: '<tool_call>{"name": "f", "arguments": {"x": 1}}</tool_call>',
      }),
    );
    const r = await tabeval(['score', '--suite', suite, '--outputs', outputs, '--json']);
    const report = JSON.parse(r.stdout) as { cases: { id: string; passed: boolean }[] };
    expect(report.cases.map((c) => [c.id, c.passed])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    const saved = join(dir, 'twins-report.json');
    await writeFile(saved, r.stdout);
    const rescored = await tabeval(['rescore', saved, '--json']);
    const again = JSON.parse(rescored.stdout) as typeof report;
    expect(again.cases.map((c) => [c.id, c.passed])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('rescore of a stopped run re-scores the cases it reached, and keeps what the recording says', async () => {
    const scored = await tabeval([
      'score',
      '--suite',
      'suites/punie-baseline.json',
      '--outputs',
      'tests/fixtures/outputs/punie-1.5b.json',
      '--model',
      'Qwen2.5-Coder-1.5B',
      '--json',
    ]);
    const report = JSON.parse(scored.stdout);
    report.cases = report.cases.slice(0, 4);
    const stopped = join(dir, 'stopped.json');
    await writeFile(stopped, JSON.stringify(report));
    const r = await tabeval(['rescore', stopped, '--json']);
    expect(r.code).toBe(0);
    const rescored = JSON.parse(r.stdout);
    expect(rescored.summary.n).toBe(4);
    expect(rescored.summary.overall).toBeCloseTo((0.75 + 1 + 0.75 + 1) / 4, 10);
    expect(rescored.cases.every((c: { error?: string }) => c.error === undefined)).toBe(true);
    expect(rescored.source).toEqual({ kind: 'outputs', model: 'Qwen2.5-Coder-1.5B' });
    expect(rescored.createdAt).toBe(report.createdAt);
    expect(rescored.rescored).toMatchObject({ appVersion: expect.any(String) });
  });

  it('rescore names the cases whose recorded prompt no longer matches the embedded suite', async () => {
    const scored = await tabeval([
      'score',
      '--suite',
      'suites/punie-baseline.json',
      '--outputs',
      'tests/fixtures/outputs/punie-1.5b.json',
      '--json',
    ]);
    const report = JSON.parse(scored.stdout);
    report.suite.content.cases[1].prompt = 'Something else entirely.';
    const edited = join(dir, 'edited.json');
    await writeFile(edited, JSON.stringify(report));
    const r = await tabeval(['rescore', edited]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the prompt of tool-02 is not the one recorded');
  });

  it('reads a report of format 1 (tabeval 0.1) and re-scores it', async () => {
    const r = await tabeval(['rescore', 'tests/fixtures/reports/punie-30b.v1.report.json', '--json']);
    expect(r.code).toBe(0);
    const rescored = JSON.parse(r.stdout);
    expect(rescored.schema).toBe('tabeval.report/2');
    expect(rescored.summary.n).toBe(7);
    expect(rescored.source).toEqual({ kind: 'outputs', model: null });
  });

  it('a command name like an Object.prototype member is an unknown command', async () => {
    const r = await tabeval(['constructor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "constructor"');
  });
});
