import { chromium, expect, test } from '@playwright/test';
import { watchPage } from './cspWatch.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

test.describe('device panel (software WebGPU adapter)', () => {
  test('shows the SwiftShader adapter, flags it as fallback and recommends the 1.5B f32 build', async ({
    page,
  }) => {
    const problems = await watchPage(page);
    await page.goto('./#/devices');
    const panel = page.getByTestId('device-panel');
    await expect(panel.getByTestId('adapter-vendor')).toHaveText('google');
    await expect(panel.getByTestId('adapter-architecture')).toHaveText('swiftshader');
    await expect(panel.getByTestId('fallback-flag')).toContainText(
      'results are valid, speed figures are not',
    );
    await expect(panel.getByTestId('shader-f16')).toContainText('missing');
    await expect(panel.getByTestId('recommended-model')).toHaveText(
      'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC',
    );

    // Limits, cores, storage and the user agent are shown; every catalog build has a verdict.
    await expect(panel.getByTestId('webllm-limits')).toContainText('maxStorageBuffersPerShaderStage');
    await expect(panel.getByTestId('cpu-cores')).toHaveText(/^\d+$/);
    await expect(panel.getByTestId('storage')).toContainText('free');
    await expect(panel.getByTestId('user-agent')).toContainText('Chrome');
    const rows = panel.getByTestId('model-verdicts').locator('tbody tr');
    await expect(rows).toHaveCount(10);
    const row = (id: string) => rows.and(page.locator(`[data-model-id="${id}"]`));
    await expect(row('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC')).toHaveAttribute('data-fit', 'needs-f32');
    await expect(row('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC')).toContainText(
      'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC',
    );
    await expect(row('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC')).toHaveAttribute('data-fit', 'runs');

    // The run page's loader preselects the recommendation; its cache manager is under Advanced.
    await page.goto('./#/run');
    await expect(page.getByTestId('model-select')).toHaveValue('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
    await page.getByTestId('advanced').locator(':scope > summary').click();
    await expect(page.getByTestId('cache-empty')).toBeVisible();
    expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
  });

  test('ships a Content-Security-Policy the app runs under', async ({ page }) => {
    await page.goto('./');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain('connect-src');
    await expect(page.getByTestId('device-verdict')).toContainText('This GPU can run up to');
  });

  test('fits a phone screen and is usable from the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('./#/devices');
    await expect(page.getByTestId('recommended-model')).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // On the run page, Tab from the top reaches the model select and the primary action.
    await page.goto('./#/run');
    await expect(page.getByTestId('start-run')).toBeEnabled();
    const reached = new Set<string>();
    for (let i = 0; i < 60 && !reached.has('start-run'); i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
      if (id) reached.add(id);
    }
    expect([...reached]).toEqual(expect.arrayContaining(['model-select', 'start-run']));
  });
});

test.describe('without WebGPU', () => {
  test('shows the WebGPU guidance, disables loading and keeps the rest of the site working', async () => {
    // A separate browser without --enable-unsafe-webgpu: requestAdapter() returns null.
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ baseURL: test.info().project.use.baseURL ?? '' });
      const problems = await watchPage(page);
      await page.goto('./');
      await expect(page.getByTestId('device-verdict')).toHaveText(
        'No WebGPU in this browser: no model can run in this tab',
      );
      await page.goto('./#/devices');
      const guidance = page.getByTestId('webgpu-guidance');
      await expect(guidance).toBeVisible();
      await expect(guidance).toContainText(/no GPU adapter|does not offer WebGPU/);
      await expect(guidance).toContainText('enable-unsafe-webgpu');
      await expect(page.getByTestId('recommended-model')).toHaveText('none');
      await expect(page.getByTestId('model-verdicts').locator('tbody tr').first()).toHaveAttribute(
        'data-fit',
        'no-webgpu',
      );
      // The run page's primary action is disabled and says why next to itself.
      await page.goto('./#/run');
      await expect(page.getByTestId('start-run')).toBeDisabled();
      await expect(page.getByTestId('start-why')).toContainText('No WebGPU in this browser');
      await expect(page.getByTestId('start-run')).toHaveAttribute('aria-describedby', 'start-why');
      // The worker still answers cache questions, and other pages work.
      await page.getByTestId('advanced').locator(':scope > summary').click();
      await expect(page.getByTestId('cache-empty')).toBeVisible();
      await page.goto('./#/playground');
      await expect(page.getByTestId('playground-input')).toBeVisible();
      expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
    } finally {
      await browser.close();
    }
  });
});
