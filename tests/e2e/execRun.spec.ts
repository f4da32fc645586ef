// Code that runs, in the tab: a report whose cases carry tests is re-scored with the page's Python
// sandbox (Pyodide in its own worker): a pass, a failed assertion with its line, an endless loop
// that times out while the run goes on, and an attack on the sandbox that gets nowhere.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fence = (code: string) => '```python\n' + code + '\n```';

const suite = {
  id: 'exec-e2e',
  version: '1.0.0',
  description: 'code that runs',
  system_prompt: 'Write Python.',
  tools: [],
  cases: [
    {
      id: 'right',
      category: 'math',
      prompt: 'double(x)',
      execution: { entry_point: 'double', tests: 'def check(candidate):\n    assert candidate(2) == 4\n' },
    },
    {
      id: 'wrong',
      category: 'math',
      prompt: 'double(x)',
      execution: {
        entry_point: 'double',
        tests: 'def check(candidate):\n    assert candidate(2) == 4\n    assert candidate(-1) == -2\n',
      },
    },
    {
      id: 'loop',
      category: 'math',
      prompt: 'double(x)',
      execution: { tests: 'assert double(1) == 2\n', timeout_ms: 1000 },
    },
    {
      id: 'attack',
      category: 'math',
      prompt: 'double(x)',
      execution: { tests: 'assert double(1) == 2\n' },
    },
  ],
};

const outputs = {
  right: fence('def double(x):\n    return 2 * x'),
  wrong: fence('def double(x):\n    return x + 2'),
  loop: fence('def double(x):\n    while True:\n        pass'),
  attack: fence(
    [
      'def double(x):',
      '    try:',
      '        import js',
      '        js.fetch("/steal")',
      '    except Exception:',
      '        pass',
      '    try:',
      '        import js',
      '        js.postMessage({"status": "passed"})',
      '    except Exception:',
      '        pass',
      '    return x + 100',
    ].join('\n'),
  ),
};

/** A report of the suite above recorded without running code (every exec verdict: no sandbox). */
function recordWithoutRunning(dir: string): string {
  writeFileSync(join(dir, 'suite.json'), JSON.stringify(suite));
  writeFileSync(join(dir, 'outputs.json'), JSON.stringify(outputs));
  // Recorded without running code: every exec verdict says no sandbox was available.
  return execFileSync(
    process.execPath,
    [
      'dist-cli/main.js',
      'score',
      '--suite',
      join(dir, 'suite.json'),
      '--outputs',
      join(dir, 'outputs.json'),
      '--no-exec',
      '--json',
    ],
    { encoding: 'utf8' },
  );
}

test('a report with tests is re-scored by the Python sandbox in the tab', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'tabeval-exec-e2e-'));
  const report = recordWithoutRunning(dir);

  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('./');
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  await page
    .getByTestId('open-report')
    .setInputFiles({ name: 'exec.report.json', mimeType: 'application/json', buffer: Buffer.from(report) });
  await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);
  await expect(page.getByTestId('case-row')).toHaveCount(4, { timeout: 90_000 });
  await expect(page.getByTestId('rescore-notice')).toBeVisible({ timeout: 90_000 });

  const row = (id: string) => page.locator(`[data-testid="case-row"][data-case-id="${id}"]`);
  await expect(row('right')).not.toHaveClass(/failed/);
  for (const id of ['wrong', 'loop', 'attack']) await expect(row(id)).toHaveClass(/failed/);

  await row('wrong').getByRole('button').click();
  const detail = page.getByTestId('case-detail');
  const execution = detail.getByTestId('case-execution');
  await expect(execution).toHaveAttribute('data-status', 'assertion_failed');
  await expect(execution.getByTestId('execution-location')).toHaveText(
    '<tests> line 3: assert candidate(-1) == -2',
  );
  await expect(execution).toContainText('return x + 2');
  await page.keyboard.press('Escape');

  await row('loop').getByRole('button').click();
  await expect(detail.getByTestId('case-execution')).toHaveAttribute('data-status', 'timeout');
  await page.keyboard.press('Escape');

  await row('attack').getByRole('button').click();
  await expect(detail.getByTestId('case-execution')).toHaveAttribute('data-status', 'assertion_failed');
  expect(requests.some((url) => url.includes('/steal'))).toBe(false);
  await page.keyboard.press('Escape');

  // The downloaded report names the tab's sandbox; the CLI's sandbox gives the same verdicts.
  await page.getByTestId('share-export-toggle').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const saved = readFileSync(await download.path(), 'utf8');
  const tab = JSON.parse(saved) as ExecReport;
  expect(tab.scoring?.executor).toEqual({
    runtime: 'pyodide',
    version: '314.0.7',
    sandbox: 'browser-worker',
  });
  writeFileSync(join(dir, 'tab.report.json'), saved);
  const cli = JSON.parse(
    execFileSync(process.execPath, ['dist-cli/main.js', 'rescore', join(dir, 'tab.report.json'), '--json'], {
      encoding: 'utf8',
    }),
  ) as ExecReport;
  expect(cli.scoring?.executor?.sandbox).toBe('node-child');
  expect(statuses(cli)).toEqual(statuses(tab));
  expect(statuses(tab)).toEqual({
    right: 'passed',
    wrong: 'assertion_failed',
    loop: 'timeout',
    attack: 'assertion_failed',
  });
});

interface ExecReport {
  scoring?: { executor?: { runtime: string; version: string; sandbox: string } | null };
  cases: { id: string; verdicts: { execution?: { status: string } }[] }[];
}

function statuses(report: ExecReport): Record<string, string | undefined> {
  return Object.fromEntries(
    report.cases.map((c) => [c.id, c.verdicts.find((v) => v.execution)?.execution?.status]),
  );
}

test('a reload in the middle of a run that executes code resumes: every case once, in order, with its verdict', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const report = JSON.parse(recordWithoutRunning(mkdtempSync(join(tmpdir(), 'tabeval-exec-e2e-'))));
  // Each output streams at 40 tokens/s (about 1.5 s a case), so the reload lands mid-run.
  const figures = {
    promptTokens: 20,
    completionTokens: 60,
    ttftMs: 50,
    prefillTps: 400,
    decodeTps: 40,
    e2eMs: 1500,
  };
  for (const c of report.cases) c.usage = { reported: figures, measured: figures };
  await page.goto('./');
  await page.getByTestId('replay-recorded-speed').check();
  await page.getByTestId('open-report').setInputFiles({
    name: 'slow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(report)),
  });
  await expect(page.getByTestId('run-count')).toHaveText(/^[1-3] of 4 cases$/, { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('run-stopped')).toBeVisible();
  await page.getByTestId('resume-run').click();
  await expect(page.getByTestId('case-row')).toHaveCount(4, { timeout: 90_000 });
  await expect(page.getByTestId('overall-score')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('share-export-toggle').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const resumed = JSON.parse(readFileSync(await download.path(), 'utf8')) as ExecReport;
  expect(resumed.cases.map((c) => c.id)).toEqual(['right', 'wrong', 'loop', 'attack']);
  expect(statuses(resumed)).toEqual({
    right: 'passed',
    wrong: 'assertion_failed',
    loop: 'timeout',
    attack: 'assertion_failed',
  });
});
