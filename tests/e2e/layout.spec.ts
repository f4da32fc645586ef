// Layout on small screens: every page, and the HTML report, at most one screen wide at 320 px,
// chart text never below 11 px as rendered, 24 px targets; and screenshots of the key pages at
// desktop and phone size, written for a person to look at (test-results/screenshots/), never compared
// pixel by pixel.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { parseReportJson } from '../../src/core/report/parseReportJson.ts';
import { renderHtmlReport } from '../../src/core/report/renderHtmlReport.ts';

const report = readFileSync(new URL('../fixtures/reports/rich.report.json', import.meta.url), 'utf8');
const parsed = parseReportJson(report);
if (!parsed.ok) throw new Error('the fixture report does not parse');
const htmlReport = renderHtmlReport(parsed.value);

const SHOTS = 'test-results/screenshots';

async function openResults(page: Page): Promise<void> {
  await page.goto('./');
  await page
    .getByTestId('open-report')
    .setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(report) });
  await expect(page.getByTestId('overall-score')).toBeVisible();
}

const PAGES: { name: string; open: (page: Page) => Promise<unknown> }[] = [
  { name: 'start', open: (page) => page.goto('./#/') },
  { name: 'run', open: (page) => page.goto('./#/run') },
  { name: 'runs', open: (page) => page.goto('./#/runs') },
  { name: 'compare', open: (page) => page.goto('./#/compare') },
  { name: 'parser', open: (page) => page.goto('./#/playground') },
  { name: 'bench', open: (page) => page.goto('./#/bench') },
  { name: 'devices', open: (page) => page.goto('./#/devices') },
  { name: 'results', open: openResults },
  { name: 'html-report', open: (page) => page.setContent(htmlReport) },
];

/** How far the document is wider than the viewport, with the elements that stick out the most. */
function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const excess = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (excess > 0) {
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0) {
          const id = el.id ? `#${el.id}` : '';
          const testId = el.getAttribute('data-testid');
          culprits.push(
            `${el.tagName.toLowerCase()}${id}${testId ? `[${testId}]` : ''} right=${Math.round(box.right)}`,
          );
        }
        if (culprits.length >= 5) break;
      }
    }
    return { excess, culprits };
  });
}

/** Rendered size of every SVG text inside charts, smallest first (px on screen). */
function chartTextSizes(page: Page): Promise<{ px: number; text: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg text')]
      .filter((t) => t.getBoundingClientRect().height > 0 && (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const svg = t.closest('svg');
        const scale = svg
          ? svg.getBoundingClientRect().width /
            (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width)
          : 1;
        return { px: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent ?? '' };
      })
      .sort((a, b) => a.px - b.px),
  );
}

test('every page and the HTML report fit a 320 px screen, with chart text of 11 px or more', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const problems: string[] = [];
  for (const { name, open } of PAGES) {
    const page = await context.newPage();
    await open(page);
    await page.waitForLoadState('networkidle');
    const { excess, culprits } = await overflow(page);
    if (excess > 0) problems.push(`${name}: ${excess} px too wide (${culprits.join(', ')})`);
    const small = (await chartTextSizes(page)).filter((t) => t.px < 10.95);
    if (small.length > 0)
      problems.push(
        `${name}: chart text at ${small[0]!.px.toFixed(1)} px ("${small[0]!.text}"), ${small.length} in all`,
      );
    await page.close();
  }
  await context.close();
  expect(problems).toEqual([]);
});

test('screenshots of the key pages at desktop and phone size, for a person to review', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  for (const viewport of [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
    });
    for (const { name, open } of PAGES) {
      const page = await context.newPage();
      await open(page);
      await page.waitForLoadState('networkidle');
      const path = `${SHOTS}/${name}-${viewport.name}.png`;
      await page.screenshot({ path, fullPage: true });
      await page.close();
    }
    await context.close();
  }
  // The files are the product of this test; that they exist is all it checks.
  expect(readFileSync(`${SHOTS}/results-phone.png`).subarray(1, 4).toString()).toBe('PNG');
});
