// `tabeval report` and `tabeval compare`. The commands run in-process (their exported functions,
// as src/cli/main.ts calls them); once main.ts registers them, the same calls also run as real
// processes, with real exit codes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCompare } from '../../../src/cli/commands/compare.ts';
import { runReport } from '../../../src/cli/commands/report.ts';
import { UsageError } from '../../../src/cli/io.ts';
import { renderCsv } from '../../../src/core/report/renderCsv.ts';
import { renderHtmlReport } from '../../../src/core/report/renderHtmlReport.ts';
import { renderMarkdownComparison } from '../../../src/core/compare/renderMarkdownComparison.ts';
import { renderMarkdownSummary } from '../../../src/core/report/renderMarkdownSummary.ts';
import { loadReport, punieReport } from '../core/report/fixtures.ts';
import { tabeval } from './runCli.ts';

const RICH = 'tests/fixtures/reports/rich.report.json';
const PUNIE_30B = 'tests/fixtures/reports/punie-30b.report.json';

let dir: string;
let punie15: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-report-'));
  punie15 = join(dir, 'punie-1.5b.report.json');
  await writeFile(punie15, JSON.stringify(await punieReport('1.5b'), null, 2));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command in-process; standard output and error captured. */
async function inProcess(run: (args: string[]) => Promise<number>, args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/** The one-line message of the UsageError a command throws (main.ts prints it and exits 2). */
async function usageError(run: (args: string[]) => Promise<number>, args: string[]): Promise<string> {
  const result = inProcess(run, args);
  await expect(result).rejects.toBeInstanceOf(UsageError);
  const message = await result.then(
    () => '',
    (e: unknown) => (e as Error).message,
  );
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

describe('tabeval report (in-process)', () => {
  it('writes the HTML and CSV files the app would download, and prints the Markdown', async () => {
    const html = join(dir, 'rich.html');
    const csv = join(dir, 'rich.csv');
    const r = await inProcess(runReport, [RICH, '--html', html, '--csv', csv, '--md']);
    expect(r.code).toBe(0);
    const rich = loadReport('rich');
    expect(await readFile(html, 'utf8')).toBe(renderHtmlReport(rich));
    expect(await readFile(csv, 'utf8')).toBe(renderCsv(rich));
    expect(r.stdout).toBe(`${renderMarkdownSummary(rich)}`);
    expect(r.stderr).toContain(`wrote ${html}`);
  });

  it('bad input: one clear line each', async () => {
    expect(await usageError(runReport, [RICH])).toBe(
      'nothing to render: give --html FILE, --csv FILE and/or --md',
    );
    expect(await usageError(runReport, ['--md'])).toContain('expected one report file, got 0');
    expect(await usageError(runReport, [join(dir, 'missing.json'), '--md'])).toContain(
      'missing.json: no such file',
    );
    expect(await usageError(runReport, [RICH, '--pdf', 'x'])).toContain(
      'unknown option --pdf; report takes --html, --csv, --md',
    );
    expect(await usageError(runReport, [RICH, '--html', RICH])).toContain('it is the input');
    expect(await usageError(runReport, [RICH, '--html', join(dir, 'no', 'such', 'dir.html')])).toContain(
      'cannot write',
    );
  });

  it('an invalid report: the file, the first problem with its path, and how many more', async () => {
    const bad = JSON.parse(readFileSync(RICH, 'utf8')) as {
      cases: { score: unknown }[];
      summary: { n: unknown };
    };
    bad.cases[1]!.score = 'high';
    bad.summary.n = null;
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(bad));
    expect(await usageError(runReport, [file, '--md'])).toBe(
      `${file} is not a valid tabeval report: cases[1].score: Invalid type: Expected number but received "high" (and 1 more problem)`,
    );
    const truncated = join(dir, 'truncated.json');
    await writeFile(truncated, readFileSync(RICH, 'utf8').slice(0, 2000));
    expect(await usageError(runReport, [truncated, '--md'])).toMatch(
      /is not a valid tabeval report: invalid JSON at line \d+, column \d+: .*\(the file looks truncated\)$/u,
    );
  });
});

describe('tabeval compare (in-process)', () => {
  it('prints the comparison Markdown, the first file as the baseline', async () => {
    const r = await inProcess(runCompare, [punie15, PUNIE_30B]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| **Overall** (the suite's headline, 95 % CI) | 92.9 % [");
    expect(r.stdout).toContain('75.0 % [46.4 – 92.9 %] (−17.9 pt)');
    expect(r.stdout).toContain('- pass → fail (2): code-02, reason-02');
  });

  it('names a file that is the same run as an earlier one, on stderr only', async () => {
    const twice = await inProcess(runCompare, [punie15, PUNIE_30B, punie15]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toBe(
      `warning: ${punie15} is the same run as ${punie15} (file 1); compared anyway\n`,
    );
    const distinct = await inProcess(runCompare, [punie15, PUNIE_30B]);
    expect(distinct.stderr).toBe('');
  });

  it('--baseline N picks the Nth file (from 1)', async () => {
    const r = await inProcess(runCompare, [punie15, PUNIE_30B, '--baseline', '2']);
    const reports = [await punieReport('1.5b'), loadReport('punie-30b')];
    expect(r.stdout).toBe(`${renderMarkdownComparison(reports, { baseline: 1 })}`);
    expect(r.stdout).toContain('(+17.9 pt)');
    expect(r.stdout).toContain('- fail → pass (2): code-02, reason-02');
  });

  it('bad input: one clear line each', async () => {
    expect(await usageError(runCompare, [RICH])).toBe('expected at least two report files to compare, got 1');
    expect(await usageError(runCompare, [RICH, RICH, '--baseline', '3'])).toBe(
      '--baseline must be a file number from 1 to 2, got "3"',
    );
    expect(await usageError(runCompare, [RICH, RICH, '--baseline', '0'])).toContain('from 1 to 2');
    expect(await usageError(runCompare, [RICH, RICH, '--baseline', 'one'])).toContain('got "one"');
    expect(await usageError(runCompare, [RICH, 'tests/fixtures/outputs/punie-30b.json'])).toBe(
      'tests/fixtures/outputs/punie-30b.json is not a valid tabeval report: schema: missing "schema": "tabeval.report/2"; is this a tabeval report?',
    );
  });
});

describe('tabeval report / compare as processes', () => {
  it('report --md prints the summary; a bad file exits 2 with one line', async () => {
    const ok = await tabeval(['report', RICH, '--md']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('**Punie score (mean over cases) 81.3 %**');
    const bad = await tabeval(['report', join(dir, 'missing.json'), '--md']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('report --html - writes the page to standard output, and only one output may go there', async () => {
    const r = await tabeval(['report', RICH, '--html', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    const both = await tabeval(['report', RICH, '--html', '-', '--md']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('only one output can go to standard output');
  });

  it('report --format html says what the option is called here', async () => {
    const r = await tabeval(['report', RICH, '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'tabeval report: there is no --format: give --html FILE, --csv FILE and/or --md (FILE "-" writes to standard output)',
    );
    const typo = await tabeval(['report', RICH, '--htm', 'x.html']);
    expect(typo.stderr.trim()).toBe(
      'tabeval report: unknown option --htm (did you mean --html?); report takes --html, --csv, --md',
    );
  });

  it('compare prints the comparison; a bad --baseline exits 2', async () => {
    const ok = await tabeval(['compare', punie15, PUNIE_30B]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('(−17.9 pt)');
    const bad = await tabeval(['compare', punie15, PUNIE_30B, '--baseline', '9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
