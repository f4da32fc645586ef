// Issue 16 in the browser: hostile suites and reports neither hang, mis-score nor mislead the app,
// and one tab runs a run.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tabeval-hostile-e2e-'));

/** `tabeval score --json` of a suite and outputs given as text: the CLI's report. */
function cliReport(suite: string, outputs: string): string {
  const suitePath = join(dir, `suite-${Math.random()}.json`);
  const outputsPath = join(dir, `outputs-${Math.random()}.json`);
  writeFileSync(suitePath, suite);
  writeFileSync(outputsPath, outputs);
  return execFileSync(
    process.execPath,
    ['dist-cli/main.js', 'score', '--suite', suitePath, '--outputs', outputsPath, '--json', '--no-exec'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

async function openReport(page: Page, body: string, recordedSpeed = false) {
  await page.goto('./');
  if (recordedSpeed) await page.getByTestId('replay-recorded-speed').check();
  await page
    .getByTestId('open-report')
    .setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(body) });
}

test('a __proto__ case id scores in the app exactly as in the CLI', async ({ page }) => {
  const suite = readFileSync('suites/punie-baseline.json', 'utf8').replaceAll('"tool-01"', '"__proto__"');
  const outputs = fixture('outputs/punie-1.5b.json').replaceAll('"tool-01"', '"__proto__"');
  const report = JSON.parse(cliReport(suite, outputs)) as {
    summary: { overall: number };
    cases: { id: string }[];
  };
  expect(report.cases[0]!.id).toBe('__proto__');
  expect(report.summary.overall).toBeCloseTo(13 / 14, 10);
  await openReport(page, JSON.stringify(report));
  await expect(page.getByTestId('overall-score')).toHaveText('92.9 %', { timeout: 30_000 });
  await expect(page.locator('[data-testid="case-row"][data-case-id="__proto__"]')).toHaveCount(1);
});

test('a catastrophic answer regex against a 10,000-character output scores instead of freezing the tab', async ({
  page,
}) => {
  const suite = JSON.parse(readFileSync('suites/punie-baseline.json', 'utf8')) as {
    cases: { answer?: unknown }[];
  };
  suite.cases[5]!.answer = { regex: '^(a+)+$' };
  const outputs = JSON.parse(fixture('outputs/punie-1.5b.json')) as Record<string, string>;
  const id = (JSON.parse(readFileSync('suites/punie-baseline.json', 'utf8')) as { cases: { id: string }[] })
    .cases[5]!.id;
  outputs[id] = `Answer: ${'a'.repeat(9999)}b`;
  const report = cliReport(JSON.stringify(suite), JSON.stringify(outputs));
  await openReport(page, report);
  await expect(page.getByTestId('overall-score')).toBeVisible({ timeout: 30_000 });
  // The tab answers at once afterwards: its event loop is not stuck in a regex.
  expect(await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve('alive'), 0)))).toBe(
    'alive',
  );
  await expect(page.locator(`[data-testid="case-row"][data-case-id="${id}"]`)).toHaveCount(1);
});

test('a suite regex outside the dialect is refused on the run page with path, pattern and reason', async ({
  page,
}) => {
  const suite = JSON.parse(readFileSync('suites/punie-baseline.json', 'utf8')) as {
    cases: { answer?: unknown }[];
  };
  suite.cases[3]!.answer = { regex: '(a)\\1' };
  await page.goto('./#/run');
  await page.getByLabel('from a file').check();
  await page.getByTestId('suite-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(suite)),
  });
  await expect(page.getByTestId('suite-error')).toContainText(
    'cases[3].answer.regex: invalid regular expression "(a)\\\\1": backreferences (\\1) are not supported',
  );
});

test('compare shows the cases a report holds, not the count it claims, and says so', async ({ page }) => {
  const report = JSON.parse(fixture('reports/punie-30b.report.json')) as { summary: Record<string, unknown> };
  report.summary['n'] = 7000;
  await page.goto('./#/compare');
  await page.getByTestId('compare-files').setInputFiles({
    name: 'edited.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(report)),
  });
  await expect(page.locator('[data-testid="row-cases"] td[data-run="0"]')).toHaveText('7');
  await expect(page.getByTestId('compare-warning')).toContainText('edited.json was edited or is corrupt');
  await expect(page.getByTestId('compare-warning')).toContainText(
    'summary.n: the report says 7000, its cases give 7',
  );
});

test('a run going in one tab shows as running elsewhere in another, with Resume once that tab closes', async ({
  context,
  page,
}) => {
  const report = JSON.parse(fixture('reports/punie-30b.report.json')) as { cases: { usage: unknown }[] };
  const figures = {
    promptTokens: 100,
    completionTokens: 60,
    ttftMs: 50,
    prefillTps: 500,
    decodeTps: 40,
    e2eMs: 1500,
  };
  for (const c of report.cases) c.usage = { reported: figures, measured: figures };
  await openReport(page, JSON.stringify(report), true);
  await expect(page.getByTestId('run-progress')).toBeVisible();
  const runUrl = page.url();
  expect(runUrl).toMatch(/#\/runs\//);

  const second = await context.newPage();
  await second.goto(runUrl);
  await expect(second.getByTestId('run-elsewhere')).toBeVisible();
  await expect(second.getByTestId('resume-run')).toHaveCount(0);

  await page.close();
  await expect(second.getByTestId('run-stopped')).toBeVisible({ timeout: 15_000 });
  await expect(second.getByTestId('resume-run')).toBeVisible();
});
