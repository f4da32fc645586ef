// Accessibility: axe-core on every page (and a results page), in light and dark, desktop and
// phone. Serious and critical violations fail the test, naming the rule and the elements.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseReportJson } from '../../src/core/report/parseReportJson.ts';
import { renderHtmlReport } from '../../src/core/report/renderHtmlReport.ts';

const report = readFileSync(new URL('../fixtures/reports/punie-30b.report.json', import.meta.url), 'utf8');

const parsed = parseReportJson(report);
if (!parsed.ok) throw new Error('the fixture report does not parse');
const htmlReport = renderHtmlReport(parsed.value);

const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'HTML report', open: (page) => page.setContent(htmlReport) },
  { name: 'start', open: (page) => page.goto('./#/').then(() => undefined) },
  { name: 'run', open: (page) => page.goto('./#/run').then(() => undefined) },
  { name: 'runs', open: (page) => page.goto('./#/runs').then(() => undefined) },
  { name: 'compare', open: (page) => page.goto('./#/compare').then(() => undefined) },
  { name: 'parser', open: (page) => page.goto('./#/playground').then(() => undefined) },
  { name: 'bench', open: (page) => page.goto('./#/bench').then(() => undefined) },
  { name: 'devices', open: (page) => page.goto('./#/devices').then(() => undefined) },
  {
    name: 'results',
    open: async (page) => {
      await page.goto('./');
      await page
        .getByTestId('open-report')
        .setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(report) });
      await expect(page.getByTestId('overall-score')).toBeVisible();
    },
  },
];

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of VIEWPORTS) {
    test(`no serious or critical axe violations: ${scheme}, ${viewport.name}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: viewport.width, height: viewport.height },
      });
      const found: string[] = [];
      for (const { name, open } of PAGES) {
        const page = await context.newPage();
        await open(page);
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).analyze();
        for (const v of results.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          const targets = v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ');
          found.push(`${name}: ${v.id} (${v.impact}, ${v.nodes.length}x) ${targets}`);
        }
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
}

test('a skip link, a title per page, and focus on the new page heading after navigation', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page).toHaveTitle('Start · tabeval');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

  for (const [link, title] of [
    ['Compare', 'Compare runs · tabeval'],
    ['Parser', 'Tool-call parser · tabeval'],
    ['Run', 'Run an eval · tabeval'],
  ] as const) {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await expect(page).toHaveTitle(title);
    await expect
      .poll(() => page.evaluate(() => /^H[12]$/.test(document.activeElement?.tagName ?? '')))
      .toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  }
});
