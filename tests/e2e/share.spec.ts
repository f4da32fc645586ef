import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodeRunLink } from '../../src/core/link/encodeRunLink.ts';
import { encodeResultsLink } from '../../src/core/link/resultsLink.ts';
import type { RunSpec } from '../../src/core/link/runSpec.ts';
import { parseReportJson } from '../../src/core/report/parseReportJson.ts';
import { watchPage } from './cspWatch.ts';

const compareFixture = (name: string) =>
  readFileSync(new URL(`../fixtures/compare/${name}`, import.meta.url), 'utf8');
const FILES = [
  'punie-1.5b-laptop.report.json',
  'punie-1.5b-desktop.report.json',
  'punie-30b-server.report.json',
];

function resultsLinkOf(name: string): string {
  const parsed = parseReportJson(compareFixture(name));
  if (!parsed.ok) throw new Error(`${name} is not a report`);
  const link = encodeResultsLink(parsed.value);
  if (!link.ok) throw new Error(link.error);
  return link.value;
}

async function chooseFiles(page: Page, names: readonly string[]) {
  await page.getByTestId('compare-files').setInputFiles(
    names.map((name) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(compareFixture(name)),
    })),
  );
}

const cell = (page: Page, row: string, run: number) =>
  page.locator(`[data-testid="${row}"] td[data-run="${run}"]`);

test.describe('compare view', () => {
  test('three reports: deltas against the baseline, McNemar, flipped cases, drift and charts', async ({
    page,
  }) => {
    const problems = await watchPage(page);
    await page.goto('./#/compare');
    await chooseFiles(page, FILES);
    await expect(page.getByTestId('run-column')).toHaveCount(3);
    await expect(page.getByTestId('run-model').nth(2)).toHaveText('Qwen3-Coder-30B-A3B-Instruct');
    await expect(page.getByTestId('run-device').nth(1)).toHaveText('nvidia ampere, Windows');

    await expect(cell(page, 'row-overall', 0)).toContainText('92.9 %');
    await expect(cell(page, 'row-overall', 0).getByTestId('delta')).toHaveCount(0);
    await expect(cell(page, 'row-overall', 1).getByTestId('delta')).toHaveText('±0.0 pt');
    await expect(cell(page, 'row-overall', 2)).toContainText('75.0 %');
    await expect(cell(page, 'row-overall', 2).getByTestId('delta')).toHaveText('−17.9 pt');
    await expect(cell(page, 'row-macro', 2).getByTestId('delta')).toHaveText('−20.8 pt');
    const reasoning = page.locator(
      '[data-testid="row-category"][data-category="reasoning"] td[data-run="2"]',
    );
    await expect(reasoning.getByTestId('delta')).toHaveText('−50.0 pt');
    await expect(cell(page, 'row-decodeTps', 1)).toContainText('tok/s');
    await expect(cell(page, 'row-decodeTps', 1).getByTestId('delta')).toHaveText('+150.0 %');
    await expect(cell(page, 'row-loadMs', 1).getByTestId('delta')).toHaveText('−50.0 %');

    const server = page.locator('[data-testid="paired-run"][data-run="2"]');
    await expect(server.getByTestId('mcnemar-p')).toHaveText('0.500');
    await expect(server.getByTestId('mean-difference')).toContainText('−17.9 pt');
    await expect(server.getByTestId('pass-to-fail')).toContainText('code-02');
    await expect(server.getByTestId('pass-to-fail')).toContainText('reason-02');
    await expect(server.getByTestId('fail-to-pass')).toContainText('none');

    const drift = page.getByTestId('output-drift');
    await expect(drift.locator('[data-testid="drift-run"][data-run="1"]')).toContainText(
      '1 of 7 outputs differ',
    );
    await expect(drift.locator('[data-testid="drift-run"][data-run="1"]')).toContainText('reason-01');
    await expect(drift.locator('[data-testid="drift-run"]')).toHaveCount(1);

    await expect(page.getByTestId('scatter-point')).toHaveCount(3);
    await expect(page.getByTestId('category-group')).toHaveCount(3);

    // Another baseline turns the differences around.
    await page.getByTestId('baseline-select').selectOption('2');
    await expect(cell(page, 'row-overall', 0).getByTestId('delta')).toHaveText('+17.9 pt');
    const laptop = page.locator('[data-testid="paired-run"][data-run="0"]');
    await expect(laptop.getByTestId('fail-to-pass')).toContainText('code-02');
    await expect(laptop.getByTestId('fail-to-pass')).toContainText('reason-02');
    expect(problems.cspViolations).toEqual([]);
    expect(problems.pageErrors).toEqual([]);

    // One link carries the whole comparison (each report as its summary).
    await page.getByTestId('copy-compare-link').click();
    const link = await page.getByTestId('compare-link').inputValue();
    expect(link.match(/[?&]r=/g)).toHaveLength(3);
    await page.goto(link);
    await page.reload();
    await expect(page.getByTestId('run-column')).toHaveCount(3);
    await expect(cell(page, 'row-overall', 2).getByTestId('delta')).toHaveText('−17.9 pt');
    // Links of a bundled suite get their case ids from it.
    const serverLinked = page.locator('[data-testid="paired-run"][data-run="2"]');
    await expect(serverLinked.getByTestId('pass-to-fail')).toContainText('code-02');
    await expect(serverLinked.getByTestId('mean-difference')).toContainText('needs per-case scores');
  });

  test('a results link, pasted or opened, shows its run beside report files', async ({ page }) => {
    await page.goto('./#/compare');
    await chooseFiles(page, [FILES[0]!]);
    // Files are read in the report worker: runs are shown in the order they are loaded.
    await expect(page.getByTestId('run-column')).toHaveCount(1);
    const desktopLink = `https://elsewhere.example/tabeval/${resultsLinkOf(FILES[1]!)}`;
    await page.getByTestId('compare-links').fill(desktopLink);
    await expect(page.getByTestId('run-column')).toHaveCount(2);
    await expect(page.getByTestId('run-device').nth(1)).toHaveText('nvidia ampere, Windows');
    await expect(cell(page, 'row-overall', 1)).toContainText('92.9 %');
    const paired = page.locator('[data-testid="paired-run"][data-run="1"]');
    await expect(paired.getByTestId('mcnemar-p')).toHaveText('1.000');
    await expect(paired.getByTestId('mean-difference')).toContainText('needs per-case scores');
    await expect(page.locator('[data-testid="drift-run"][data-run="1"]')).toContainText('reason-01');

    // The same link opened as an address: the run is there without any file.
    await page.goto(`./${resultsLinkOf(FILES[2]!)}`);
    await page.reload();
    await expect(page.getByTestId('run-column')).toHaveCount(1);
    await expect(page.getByTestId('run-model')).toHaveText('Qwen3-Coder-30B-A3B-Instruct');
    await expect(cell(page, 'row-overall', 0)).toContainText('75.0 %');
  });

  test('"Copy results link" on a finished run opens that run on the compare page', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('open-report').setInputFiles({
      name: FILES[0]!,
      mimeType: 'application/json',
      buffer: Buffer.from(compareFixture(FILES[0]!)),
    });
    await expect(page.getByTestId('overall-score')).toHaveText('92.9 %');
    await page.getByTestId('share-export-toggle').click();
    await page.getByTestId('copy-results-link').click();
    const link = await page.getByTestId('results-link').inputValue();
    expect(link).toMatch(/#\/compare\?r=[\w-]+$/);
    expect(link.length).toBeLessThan(2000);
    await page.getByTestId('copy-reproduce-link').click();
    await expect(page.getByTestId('reproduce-link')).toHaveValue(/#\/run\?v=1&suite=punie-baseline&/);

    await page.goto(link);
    await expect(page.getByTestId('run-column')).toHaveCount(1);
    await expect(page.getByTestId('run-device')).toHaveText('apple metal-3, macOS');
    await expect(cell(page, 'row-overall', 0)).toContainText('92.9 %');
  });

  test('bad files and links say what is wrong; the rest still compares', async ({ page }) => {
    await page.goto('./#/compare?r=not-a-link&r=');
    await expect(page.getByTestId('compare-error')).toHaveCount(2);
    await expect(page.getByTestId('compare-error').first()).toContainText('address link 1');
    const good = resultsLinkOf(FILES[2]!);
    await page
      .getByTestId('compare-links')
      .fill(`${good.slice(0, -6)}\n#/compare?r=%3Cimg%20src=x%20onerror=alert(1)%3E`);
    await page.getByTestId('compare-files').setInputFiles([
      {
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"schema": "tabeval.report/1", '),
      },
      { name: FILES[0]!, mimeType: 'application/json', buffer: Buffer.from(compareFixture(FILES[0]!)) },
    ]);
    const errors = page.getByTestId('compare-error');
    await expect(errors).toHaveCount(5);
    await expect(errors.filter({ hasText: 'broken.json' })).toContainText('invalid JSON');
    await expect(errors.filter({ hasText: 'pasted link 1:' })).toContainText(/damaged|cut off/);
    await expect(errors.filter({ hasText: 'pasted link 2:' })).toContainText('is not base64url');
    await expect(page.locator('main img')).toHaveCount(0);
    await expect(page.getByTestId('run-column')).toHaveCount(1);
    await expect(cell(page, 'row-overall', 0)).toContainText('92.9 %');
  });
});

test('hostile text in a report file and in a results link renders as text', async ({ page }) => {
  const hostileText = readFileSync(
    new URL('../fixtures/reports/hostile.report.json', import.meta.url),
    'utf8',
  );
  const hostile = parseReportJson(hostileText);
  if (!hostile.ok) throw new Error('hostile.report.json is not a report');
  // A link needs a well-formed suite hash; every other hostile string goes through as it is.
  const link = encodeResultsLink({
    ...hostile.value,
    suite: { ...hostile.value.suite, hash: 'b'.repeat(64) },
  });
  if (!link.ok) throw new Error(link.error);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`./${link.value}`);
  await page.getByTestId('compare-files').setInputFiles({
    name: 'hostile.report.json',
    mimeType: 'application/json',
    buffer: Buffer.from(hostileText),
  });
  await expect(page.getByTestId('run-column')).toHaveCount(2);
  await expect(page.getByTestId('run-model').first()).toContainText('<img src=x');
  await expect(page.getByTestId('category-group').first()).toBeAttached();
  expect(await page.locator('main img, main script, main iframe, main a[href^="javascript"]').count()).toBe(
    0,
  );
  expect(await page.evaluate(() => document.body.dataset['pwned'])).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe('reproducible run links', () => {
  const laptop = JSON.parse(compareFixture(FILES[0]!)) as { suite: { hash: string } };
  const spec: RunSpec = {
    suite: { kind: 'bundled', id: 'punie-baseline', version: '1.1.0', hash: laptop.suite.hash },
    model: { engine: 'webllm', kind: 'catalog', modelId: 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC' },
    params: {
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 512,
      seed: 7,
      tool_call_mode: 'constrained',
      samples: 1,
    },
  };

  test('a link opens the run page prefilled, says what will run, and copies back to the same link', async ({
    page,
  }) => {
    const problems = await watchPage(page);
    const fragment = encodeRunLink(spec);
    await page.goto(`./${fragment}`);
    const summary = page.getByTestId('link-summary');
    await expect(summary).toContainText('punie-baseline version 1.1.0');
    await expect(summary).toContainText(laptop.suite.hash);
    await expect(summary).toContainText('Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC');
    for (const text of [
      'temperature',
      '0.3',
      'top_p',
      '0.9',
      'max_tokens',
      '512',
      'seed',
      '7',
      'constrained',
    ]) {
      await expect(summary).toContainText(text);
    }
    await expect(page.getByTestId('suite-summary')).toContainText('punie-baseline');
    await expect(page.getByTestId('link-hash-mismatch')).toHaveCount(0);
    await expect(page.getByTestId('link-error')).toHaveCount(0);
    await expect(page.getByLabel('Temperature')).toHaveValue('0.3');
    await expect(page.getByTestId('model-select')).toHaveValue('Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC');
    await expect(page.getByTestId('link-model-note')).toContainText(
      'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
    );

    await page.getByTestId('copy-run-link').click();
    await expect(page.getByTestId('run-link')).toHaveValue(
      new RegExp(`${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    expect(problems.pageErrors).toEqual([]);
  });

  test('a link whose suite hash differs warns before running and asks for a confirmation', async ({
    page,
  }) => {
    const wrong = 'a'.repeat(64);
    await page.goto(`./${encodeRunLink({ ...spec, suite: { ...spec.suite, hash: wrong } })}`);
    const warning = page.getByTestId('link-hash-mismatch');
    await expect(warning).toContainText('not the one this link was made with');
    await expect(warning).toContainText(wrong);
    await expect(warning).toContainText(laptop.suite.hash);
    await expect(page.getByTestId('link-confirm')).not.toBeChecked();
    await expect(page.getByTestId('start-run')).toBeDisabled();
  });

  test('a garbage or tampered link shows its message and the page stays usable', async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(`./${encodeRunLink(spec).replace(/suite_hash=[0-9a-f]+/, 'suite_hash=%3Cscript%3E')}`);
    await expect(page.getByTestId('link-error')).toContainText(
      'suite_hash: is not 64 lowercase hex characters',
    );
    await expect(page.getByTestId('link-summary')).toHaveCount(0);
    await expect(page.getByTestId('suite-summary')).toContainText('punie-baseline');

    await page.goto('./#/run?v=9&%%%=1');
    await expect(page.getByTestId('link-error')).toContainText('unknown run link version');
    await page.getByTestId('suite-option-coding-core').check();
    await expect(page.getByTestId('suite-summary')).toContainText('coding-core');
    await page.getByTestId('advanced').locator(':scope > summary').click();
    await page.getByLabel('Temperature').fill('0.5');
    await expect(page.getByLabel('Temperature')).toHaveValue('0.5');
    expect(problems.pageErrors).toEqual([]);
  });
});
