import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseBenchJson } from '../../src/throughput/parseBenchJson.ts';
import { watchPage } from './cspWatch.ts';

// The bench page runs the whole protocol on the synthetic replay engine (no model): figures are
// synthetic, so the test checks the table's shape and the flags, never the speeds themselves.
test.describe('benchmark page', () => {
  test('runs pp and tg with the replay engine at a set speed and shows the llama-bench table', async ({
    page,
  }) => {
    const problems = await watchPage(page);
    await page.goto('./#/bench?engine=replay&tps=400&pp=5000');
    await expect(page.getByTestId('synthetic-notice')).toContainText('figures are synthetic');
    await page.getByTestId('device-label').fill('CI runner, mains');
    await page.getByTestId('bench-m').fill('32');
    await page.getByTestId('bench-r').fill('3');
    await page.getByTestId('bench-run').click();

    const results = page.getByTestId('bench-results');
    await expect(results).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
    const table = page.getByTestId('bench-table');
    const rows = table.getByTestId('bench-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-test', 'pp512');
    await expect(rows.nth(1)).toHaveAttribute('data-test', 'tg32');
    for (const row of [rows.nth(0), rows.nth(1)]) {
      await expect(row.getByTestId('bench-tps')).toHaveText(/^\d+\.\d\d ± \d+\.\d\d$/);
      await expect(row.getByTestId('bench-tps-webllm')).toHaveText(/^\d+\.\d\d ± \d+\.\d\d$/);
      await expect(row).toContainText('CI runner, mains');
      await expect(row).toContainText('synthetic');
    }

    // The JSON export is a valid tabeval.bench/1 result with every raw sample and the device block.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bench-download-json').click(),
    ]);
    const parsed = parseBenchJson(await readFile((await download.path()) ?? '', 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const result = parsed.value;
      expect(result.engine).toMatchObject({ name: 'synthetic', synthetic: true });
      expect(result.untimed.map((u) => u.phase)).toEqual(['warmup', 'calibration']);
      expect(result.tests.map((t) => [t.name, t.samples.length, t.completionTokens])).toEqual([
        ['pp512', 3, 1],
        ['tg32', 3, 32],
      ]);
      expect(result.prompt).toMatchObject({ calibrated: true, tokensPerRepeat: 10 });
      expect(result.device).toMatchObject({
        label: 'CI runner, mains',
        browserVersion: expect.stringMatching(/\d+\.\d+/),
      });
      expect(result.flags.map((f) => f.kind)).toEqual(
        expect.arrayContaining(['fallback-adapter', 'synthetic']),
      );
    }

    // The devices page finds the kept result.
    await page.goto('./#/devices');
    await page.getByText('include synthetic (replay) results').click();
    await expect(page.getByTestId('speed-bars-decodeTps').getByTestId('speed-bar')).toHaveCount(1);
    await expect(page.getByTestId('bench-table').getByTestId('bench-row')).toHaveCount(2);
    expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
  });

  test('flags the software (fallback) adapter, and asks for a model when none is loaded', async ({
    page,
  }) => {
    const problems = await watchPage(page);
    await page.goto('./#/bench');
    await expect(page.getByTestId('fallback-flag')).toContainText('fallback (software) adapter');
    await expect(page.getByTestId('bench-no-model')).toContainText('No model is loaded');
    // Models load here (the start page no longer has a loader).
    await expect(page.getByTestId('bench-no-model')).toContainText('pick a build here and load it');
    await expect(page.getByTestId('bench-run')).toBeDisabled();
    await expect(page.getByTestId('synthetic-notice')).toHaveCount(0);
    expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
  });

  test('stops a run on request and keeps the samples taken', async ({ page }) => {
    await page.goto('./#/bench?engine=replay&tps=50');
    await page.getByTestId('bench-m').fill('200');
    await page.getByTestId('bench-run').click();
    await expect(page.getByTestId('bench-progress')).toBeVisible();
    await expect(page.getByTestId('bench-step')).toHaveText(/step ([4-9]|1\d) of 12/, { timeout: 30_000 });
    await page.getByTestId('bench-stop').click();
    await expect(page.getByTestId('bench-results')).toHaveAttribute('data-status', 'aborted');
    await expect(page.getByTestId('bench-status')).toContainText('Stopped');
  });
});
