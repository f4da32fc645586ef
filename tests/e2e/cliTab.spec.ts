// `tabeval run --engine replay|webllm`: the built CLI drives the built site in headless Chromium.
// No model weights can be had here, so the whole path is checked with the replay engine (a
// report's outputs re-scored in the tab), and WebLLM up to its WebGPU check.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function tabeval(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist-cli/main.js', ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const REPORT = 'tests/fixtures/reports/rich.report.json';

/** A copy without the times things took (they differ from run to run). */
function withoutDurations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDurations);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'durationMs')
      .map(([key, child]) => [key, withoutDurations(child)]),
  );
}

test.describe('tabeval run in the tab', () => {
  test('--engine replay: the report the tab writes is the one the CLI re-scores', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tabeval-tab-'));
    try {
      const out = join(dir, 'tab.json');
      const tab = await tabeval(['run', '--engine', 'replay', '--report', REPORT, '-o', out]);
      expect(tab.code, tab.stderr).toBe(0);
      expect(tab.stdout).toContain('tabeval-demo');
      const fromTab = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
      const cli = await tabeval(['rescore', REPORT, '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      const fromCli = JSON.parse(cli.stdout) as Record<string, unknown>;
      // The same records and summary; only when and where it was re-scored differ.
      for (const key of ['schema', 'source', 'suite', 'params', 'promptTemplateHash', 'cases', 'summary'])
        expect(withoutDurations(fromTab[key]), key).toEqual(withoutDurations(fromCli[key]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('--engine webllm on a browser without WebGPU: a distinct exit code and what it needs', async () => {
    const r = await tabeval([
      'run',
      '--engine',
      'webllm',
      '--model',
      'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
      '--suite',
      'punie-baseline',
      '--temperature',
      '0.5',
      '--samples',
      '2',
      '--tool-call-mode',
      'constrained',
      '-o',
      join(tmpdir(), 'never-written.json'),
      // No software fallback: this machine has no GPU, so no adapter at all.
      '--browser-arg=--disable-software-rasterizer',
    ]);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toContain('no WebGPU');
    expect(r.stderr).toContain('--enable-unsafe-webgpu');
  });

  test('a run link: checked before anything starts, then opened in the tab', async () => {
    const bad = await tabeval(['run', 'https://example.org/#/run?v=1&suite=punie-baseline', '-o', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a usable run link');
    const suite = JSON.parse(await readFile('suites/punie-baseline.json', 'utf8')) as { version: string };
    const hash = (await tabeval(['suite', 'hash', 'suites/punie-baseline.json'])).stdout.trim();
    const link =
      `https://tabeval.example/#/run?v=1&suite=punie-baseline&suite_version=${suite.version}&suite_hash=${hash}` +
      '&model=Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC&temperature=0.5&top_p=1&max_tokens=256&seed=3&tool_call_mode=prompt&samples=1';
    // Without a WebGPU adapter the run stops at the check, after the link was accepted.
    const r = await tabeval([
      'run',
      link,
      '-o',
      join(tmpdir(), 'never.json'),
      '--browser-arg=--disable-software-rasterizer',
    ]);
    expect(r.code, r.stderr).toBe(4);
    const pinned = await tabeval(['run', link, '--model', 'other', '-o', '-']);
    expect(pinned.code).toBe(2);
    expect(pinned.stderr).toContain('pins the model');
  });

  test('--engine webllm: a model outside the catalog, a server-only option and a missing browser are named', async () => {
    const webllm = ['run', '--engine', 'webllm', '--suite', 'punie-baseline', '-o', '-'];
    const unknown = await tabeval([...webllm, '--model', 'm', '--seed', '3']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"m"');
    const server = await tabeval([
      ...webllm,
      '--model',
      'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
      '--concurrency',
      '4',
    ]);
    expect(server.code).toBe(2);
    expect(server.stderr).toContain('not --concurrency');
    const browser = await tabeval([
      'run',
      '--engine',
      'replay',
      '--report',
      REPORT,
      '-o',
      '-',
      '--browser',
      '/nonexistent/chrome',
    ]);
    expect(browser.code).toBe(2);
    expect(browser.stderr).toContain('--browser PATH');
  });
});
