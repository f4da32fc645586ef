// The results workspace in a real browser: the keyboard-only main flow (open a report, filter the
// failures, open a case, next case, close), previous/next with buttons and keys, the list beside
// the drill-down on a wide screen, and a phone layout that keeps the verdict and the speed in view.
import { expect, test, type Page } from '@playwright/test';

/** Presses Tab until the element with `testId` has focus (at most `limit` presses), as a keyboard user would. */
async function tabTo(page: Page, testId: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    if (focused === testId) return;
  }
  throw new Error(`${testId} was not reached with ${limit} presses of Tab`);
}

async function focusedCaseId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-case-id') ?? null);
}

test('keyboard only: open a report, filter failures, open a case, next case, close', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await tabTo(page, 'open-sample-report');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('overall-score')).toBeVisible();
  await expect(page.getByTestId('case-row')).toHaveCount(7);

  await tabTo(page, 'filter-failed');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('case-count-shown')).toContainText('4 of 7 cases shown');
  await expect(page.getByTestId('case-row')).toHaveCount(4);

  // Into the list: Tab reaches the first case's button; the arrow keys move between cases.
  for (let i = 0; i < 30 && (await focusedCaseId(page)) === null; i += 1) await page.keyboard.press('Tab');
  expect(await focusedCaseId(page)).toBe('tool-01');
  await page.keyboard.press('ArrowDown');
  expect(await focusedCaseId(page)).toBe('tool-02');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('case-detail');
  await expect(detail).toHaveAttribute('data-case-id', 'tool-02');
  await expect(detail.getByTestId('case-detail-position')).toHaveText('2 of 4');
  await expect(page.getByTestId('case-detail-close')).toBeFocused();

  await page.keyboard.press('n');
  await expect(detail).toHaveAttribute('data-case-id', 'code-02');
  await expect(detail.getByTestId('case-detail-position')).toHaveText('3 of 4');
  await expect(page.locator('[data-testid="case-row"][data-case-id="code-02"]')).toHaveClass(/current/);

  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  expect(await focusedCaseId(page)).toBe('code-02');
});

for (const viewport of [
  { name: 'wide', width: 1400, height: 900, modal: false },
  { name: 'phone', width: 390, height: 844, modal: true },
]) {
  test(`previous and next with buttons and keys (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('./');
    await page.getByTestId('open-sample-report').click();
    await page.locator('[data-testid="case-row"][data-case-id="tool-01"] button.open').click();
    const detail = page.getByTestId('case-detail');
    const at = (id: string) => expect(detail).toHaveAttribute('data-case-id', id);
    await at('tool-01');
    await expect(detail.getByTestId('case-detail-previous')).toBeDisabled();
    await detail.getByTestId('case-detail-next').click();
    await at('tool-02');
    await page.keyboard.press('n');
    await at('tool-03');
    await page.keyboard.press('p');
    await at('tool-02');
    await detail.getByTestId('case-detail-previous').click();
    await at('tool-01');
    // Expected beside what the model did.
    await expect(detail.getByTestId('case-expected')).toContainText('Expected');
    await expect(detail.getByTestId('case-expected')).toContainText('What the model did');

    expect(await detail.evaluate((d) => d.matches(':modal'))).toBe(viewport.modal);
    if (!viewport.modal) {
      // The list stays in view beside the drill-down, and a click on another case opens it there.
      const frame = await page.getByTestId('case-frame').boundingBox();
      const panel = await detail.boundingBox();
      expect(frame && panel && frame.x + frame.width <= panel.x + 1).toBe(true);
      await page.locator('[data-testid="case-row"][data-case-id="reason-02"]').getByText('reasoning').click();
      await at('reason-02');
    }
    await page.keyboard.press('Escape');
    await expect(detail).toHaveCount(0);
  });
}

for (const width of [390, 320]) {
  test(`on a ${width} px phone the verdict and the decode speed of every row are on screen`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 740 });
    await page.goto('./');
    await page.getByTestId('open-sample-report').click();
    const rows = page.getByTestId('case-row');
    await expect(rows).toHaveCount(7);
    for (const row of await rows.all()) {
      for (const part of [row.locator('.signal'), row.getByTestId('case-phone-decode')]) {
        const box = await part.boundingBox();
        expect(box, (await row.getAttribute('data-case-id')) ?? '').not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
    }
    // The page itself does not scroll sideways; the table scrolls inside its focusable frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expect(page.getByTestId('case-frame')).toHaveAttribute('tabindex', '0');
    // Targets are at least 24 px tall.
    const open = await rows.first().locator('button.open').boundingBox();
    expect(open!.height).toBeGreaterThanOrEqual(24);
  });
}
