// Compare, part 2: runs kept in this browser compared from the runs page (keyboard only), each run
// once, Remove, the cases x runs matrix (changed only, thousands of cases, outputs side by side),
// phone widths, chart text as rendered, and axe on a loaded compare page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseReportJson } from '../../src/core/report/parseReportJson.ts';
import type { Report } from '../../src/core/report/schema.ts';
import { watchPage } from './cspWatch.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/compare/${name}`, import.meta.url), 'utf8');
const LAPTOP = 'punie-1.5b-laptop.report.json';
const DESKTOP = 'punie-1.5b-desktop.report.json';
const SERVER = 'punie-30b-server.report.json';

function file(name: string, text = fixture(name)) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function chooseFiles(page: Page, files: ReturnType<typeof file>[]) {
  await page.getByTestId('compare-files').setInputFiles(files);
}

/** Presses `key` (Tab or Shift+Tab) until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, key = 'Tab') {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** A run kept in this browser: a report opened on the start page, re-scored and stored. */
async function keepRun(page: Page, name: string) {
  await page.goto('./#/');
  await page.getByTestId('open-report').setInputFiles(file(name));
  await expect(page.getByTestId('overall-score')).toBeVisible();
}

/** `count` cases of the laptop report (and its suite), every 100th flipped when `flip`. */
function manyCases(count: number, flip: boolean): string {
  const parsed = parseReportJson(fixture(LAPTOP));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const report: Report = parsed.value;
  const suite = report.suite.content as { cases: { id: string }[] };
  const cases = Array.from({ length: count }, (_, i) => {
    const c = report.cases[i % report.cases.length]!;
    const passed = flip && i % 100 === 0 ? !c.passed : c.passed;
    return { ...c, id: `${c.id}-${i}`, passed };
  });
  const suiteCases = Array.from({ length: count }, (_, i) => ({
    ...suite.cases[i % suite.cases.length]!,
    id: `${suite.cases[i % suite.cases.length]!.id}-${i}`,
  }));
  return JSON.stringify({
    ...report,
    createdAt: flip ? '2026-01-02T00:00:00.000Z' : '2026-01-01T00:00:00.000Z',
    suite: { ...report.suite, content: { ...suite, cases: suiteCases } },
    cases,
  });
}

/** Every text of the SVGs under `selector`: its font size as rendered (font size × the SVG's scale) and its box height. */
function renderedTextSizes(page: Page, selector: string) {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll<SVGTextElement>(`${selector} svg text`)].map((t) => {
      const svg = t.ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || 1);
      return {
        text: t.textContent ?? '',
        font: parseFloat(getComputedStyle(t).fontSize) * scale,
        box: t.getBoundingClientRect().height,
      };
    });
  }, selector);
}

const widthOf = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));

test('keyboard only: tick two runs on the runs page, Compare selected, reach the matrix and a case', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await keepRun(page, LAPTOP);
  await keepRun(page, DESKTOP);
  await page.goto('./#/runs');
  const boxes = page.getByTestId('run-select');
  await expect(boxes).toHaveCount(2);
  const compareButton = page.getByTestId('compare-selected');
  await expect(compareButton).toBeDisabled();

  await tabTo(page, boxes.nth(0));
  await page.keyboard.press('Space');
  await tabTo(page, boxes.nth(1));
  await page.keyboard.press('Space');
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();
  await expect(compareButton).toHaveText('Compare selected (2)');
  await tabTo(page, compareButton, 'Shift+Tab');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/compare\?run=[\w-]+&run=[\w-]+$/);
  await expect(page.getByTestId('run-column')).toHaveCount(2);
  await expect(page.getByTestId('loaded-run')).toHaveCount(2);
  await expect(page.getByTestId('loaded-run').first()).toContainText('kept in this browser');
  const matrix = page.getByTestId('case-matrix');
  await expect(matrix.getByTestId('matrix-count')).toContainText('1 of 7 cases changed');
  const row = matrix.locator('[data-testid="matrix-row"][data-case="reason-01"]');
  await expect(matrix.getByTestId('matrix-row')).toHaveCount(1);
  await expect(row.getByTestId('cell-output-changed')).toHaveCount(1);

  await tabTo(page, row.getByTestId('matrix-open'));
  await page.keyboard.press('Enter');
  const outputs = page.getByTestId('case-outputs');
  await expect(outputs.getByTestId('case-output')).toHaveCount(2);
  await expect(outputs.getByTestId('case-output-text').nth(1)).toContainText('A list is mutable');
  await expect(outputs.getByTestId('case-output-why')).toHaveText('output differs');

  // The file a stored run was opened from is that run (today's scorers agree with its verdicts).
  await chooseFiles(page, [file(LAPTOP)]);
  await expect(page.getByTestId('compare-duplicate')).toContainText(`${LAPTOP} is the same run as Run`);
  await expect(page.getByTestId('loaded-run')).toHaveCount(2);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('the same report twice is added once, with a note; Remove takes a run off', async ({ page }) => {
  await page.goto('./#/compare');
  await chooseFiles(page, [file(LAPTOP), file('copy.json', fixture(LAPTOP)), file(SERVER)]);
  await expect(page.getByTestId('run-column')).toHaveCount(2);
  const note = page.getByTestId('compare-duplicate');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(`copy.json is the same run as Run 1 (${LAPTOP})`);
  // Chosen again later: still once.
  await chooseFiles(page, [file(SERVER)]);
  await expect(page.getByTestId('compare-duplicate')).toHaveCount(2);
  await expect(page.getByTestId('compare-duplicate').nth(1)).toContainText('the same run as Run 2');
  await expect(page.getByTestId('loaded-run')).toHaveCount(2);

  await page.getByRole('button', { name: `Remove run 1 (${LAPTOP})` }).click();
  await expect(page.getByTestId('loaded-run')).toHaveCount(1);
  await expect(page.getByTestId('run-model')).toHaveText('Qwen3-Coder-30B-A3B-Instruct');
  await page.getByTestId('remove-run').click();
  await expect(page.getByTestId('compare-empty')).toBeVisible();
});

test('the matrix: changed cases only, every case, a filter, outputs side by side', async ({ page }) => {
  await page.goto('./#/compare');
  await chooseFiles(page, [file(LAPTOP), file(DESKTOP), file(SERVER)]);
  const matrix = page.getByTestId('case-matrix');
  await expect(matrix.getByTestId('matrix-count')).toContainText('3 of 7 cases changed');
  const rows = matrix.getByTestId('matrix-row');
  await expect(rows).toHaveCount(3);
  const code02 = matrix.locator('[data-testid="matrix-row"][data-case="code-02"]');
  await expect(code02.locator('td[data-run="2"]').getByTestId('cell-change')).toHaveText('now fails');
  await expect(code02.locator('td[data-run="1"]').getByTestId('cell-change')).toHaveCount(0);
  await matrix.getByTestId('matrix-changed-only').uncheck();
  await expect(rows).toHaveCount(7);
  await matrix.getByTestId('matrix-filter').fill('tool');
  await expect(rows).toHaveCount(3);
  await matrix.getByTestId('matrix-filter').fill('');

  await code02.getByTestId('matrix-open').click();
  const outputs = page.getByTestId('case-outputs');
  await expect(outputs.getByTestId('case-output')).toHaveCount(3);
  await expect(outputs.locator('[data-run="2"]').getByTestId('case-output-why')).toContainText('now fails');
  await expect(outputs.getByRole('heading', { level: 3 })).toBeFocused();
  // Another baseline turns it around.
  await page.getByTestId('baseline-select').selectOption('2');
  await expect(code02.locator('td[data-run="0"]').getByTestId('cell-change')).toHaveText('now passes');
  await outputs.getByTestId('case-outputs-close').click();
  await expect(page.getByTestId('case-outputs')).toHaveCount(0);
});

test('thousands of cases: only the rows on screen are rendered, and scrolling reaches the last', async ({
  page,
}) => {
  const problems = await watchPage(page);
  await page.goto('./#/compare');
  await chooseFiles(page, [
    file('many-a.json', manyCases(3000, false)),
    file('many-b.json', manyCases(3000, true)),
  ]);
  const matrix = page.getByTestId('case-matrix');
  // Two 3,000-case reports are read and verified first (a few seconds on a busy machine).
  await expect(matrix.getByTestId('matrix-count')).toContainText('30 of 3000 cases changed', {
    timeout: 45_000,
  });
  await expect(matrix.getByTestId('matrix-row')).toHaveCount(30);
  await matrix.getByTestId('matrix-changed-only').uncheck();
  await expect(matrix.getByTestId('matrix-table')).toHaveAttribute('aria-rowcount', '3001');
  const rendered = await matrix.getByTestId('matrix-row').count();
  console.log(`matrix rows rendered for 3000 cases: ${rendered}`);
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);
  const scroller = matrix.getByTestId('matrix-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(matrix.locator('[data-testid="matrix-row"][data-case="code-01-2999"]')).toBeVisible();
  await expect(matrix.locator('[data-testid="matrix-row"][data-case="tool-01-0"]')).toHaveCount(0);
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

for (const width of [320, 390]) {
  test(`at ${width} px, Compare, Runs, Bench and Devices are at most one screen wide, with 24 px targets`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await keepRun(page, LAPTOP);
    await page.goto('./#/runs');
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    const runs = await widthOf(page);
    const targets = async (selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.getAttribute('data-testid')} ${Math.round(r.width)}x${Math.round(r.height)}`;
        }),
      );
    const small = (list: string[]) =>
      list.filter((t) => {
        const [w, h] = t.split(' ')[1]!.split('x').map(Number);
        return w! < 24 || h! < 24;
      });
    const runTargets = await targets('[data-testid="run-select"], [data-testid="compare-selected"]');
    await page.goto('./#/compare');
    await chooseFiles(page, [file(LAPTOP), file(DESKTOP), file(SERVER)]);
    await expect(page.getByTestId('case-matrix')).toBeVisible();
    await page.locator('[data-testid="matrix-row"][data-case="code-02"]').getByTestId('matrix-open').click();
    await expect(page.getByTestId('case-outputs')).toBeVisible();
    const compare = await widthOf(page);
    const compareTargets = await targets(
      '[data-testid="remove-run"], [data-testid="matrix-open"], [data-testid="matrix-changed-only"], [data-testid="case-outputs-close"]',
    );
    expect(runTargets).toHaveLength(2);
    expect(compareTargets.length).toBeGreaterThan(5);
    expect(small([...runTargets, ...compareTargets])).toEqual([]);
    await page.goto('./#/bench?engine=replay&tps=200');
    await page.waitForLoadState('networkidle');
    const bench = await widthOf(page);
    await page.goto('./#/devices');
    await page.waitForLoadState('networkidle');
    const devices = await widthOf(page);
    console.log(`page widths at ${width} px: ${JSON.stringify({ runs, compare, bench, devices })}`);
    for (const measured of [runs, compare, bench, devices])
      expect(measured.scroll).toBeLessThanOrEqual(width);
  });
}

test('chart text is at least 11 px as rendered on a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/compare');
  await chooseFiles(page, [file(LAPTOP), file(DESKTOP), file(SERVER)]);
  await expect(page.getByTestId('scatter-point')).toHaveCount(3);
  const sizes = await renderedTextSizes(page, 'main figure');
  expect(sizes.length).toBeGreaterThan(10);
  const smallest = Math.min(...sizes.map((s) => s.font));
  const smallestBox = Math.min(...sizes.map((s) => s.box));
  console.log(
    `compare charts at 390 px: ${sizes.length} texts, smallest ${smallest.toFixed(1)} px font, ${smallestBox.toFixed(1)} px box`,
  );
  expect(sizes.filter((s) => s.font < 11 || s.box < 11)).toEqual([]);
});

test('bench bars and the speed-over-run line keep 11 px text on a 390 px phone, within the screen', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/bench?engine=replay&tps=400');
  await page.getByTestId('bench-m').fill('16');
  await page.getByTestId('bench-r').fill('2');
  await page.getByTestId('bench-run').click();
  await expect(page.getByTestId('bench-results')).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });
  await page.goto('./#/devices');
  await page.getByText('include synthetic (replay) results').click();
  await expect(page.getByTestId('speed-bars-decodeTps').getByTestId('speed-bar')).toHaveCount(1);
  const bars = await renderedTextSizes(page, 'main');
  const devicesWidth = await widthOf(page);
  await keepRun(page, LAPTOP);
  await expect(page.getByTestId('speed-over-run')).toBeVisible();
  const line = await renderedTextSizes(page, '[data-testid="speed-over-run"]');
  const smallest = (list: { font: number }[]) => Math.min(...list.map((s) => s.font)).toFixed(1);
  console.log(
    `devices charts at 390 px: ${bars.length} texts, smallest ${smallest(bars)} px; speed over run: ${line.length} texts, smallest ${smallest(line)} px; devices page ${devicesWidth.scroll} px wide`,
  );
  expect(bars.length).toBeGreaterThan(3);
  expect(line.length).toBeGreaterThan(3);
  expect([...bars, ...line].filter((s) => s.font < 11 || s.box < 11)).toEqual([]);
  expect(devicesWidth.scroll).toBeLessThanOrEqual(390);
});

test('a loaded compare page with the matrix and a case open has no serious axe violation', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport });
      const page = await context.newPage();
      await page.goto('./#/compare');
      await chooseFiles(page, [
        file(LAPTOP),
        file(DESKTOP),
        file(SERVER),
        file('again.json', fixture(SERVER)),
      ]);
      await page
        .locator('[data-testid="matrix-row"][data-case="code-02"]')
        .getByTestId('matrix-open')
        .click();
      await expect(page.getByTestId('case-outputs')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(
            `${scheme} ${viewport.width}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
          );
      await context.close();
    }
  }
  expect(found).toEqual([]);
});

test('hostile case ids and outputs in the matrix and side by side render as text', async ({ page }) => {
  const hostileText = readFileSync(
    new URL('../fixtures/reports/hostile.report.json', import.meta.url),
    'utf8',
  );
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('./#/compare');
  await chooseFiles(page, [file('hostile.report.json', hostileText), file(LAPTOP)]);
  const matrix = page.getByTestId('case-matrix');
  await matrix.getByTestId('matrix-changed-only').uncheck();
  const opens = matrix.getByTestId('matrix-open');
  const count = await opens.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < Math.min(count, 5); i++) {
    await opens.nth(i).click();
    await expect(page.getByTestId('case-outputs')).toBeVisible();
  }
  expect(await page.locator('main img, main script, main iframe, main a[href^="javascript"]').count()).toBe(
    0,
  );
  expect(await page.evaluate(() => document.body.dataset['pwned'])).toBeUndefined();
  expect(dialogs).toEqual([]);
});
