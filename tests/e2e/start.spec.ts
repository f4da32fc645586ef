// The start page as one screen, drop-anywhere, and the run page's one primary action.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import catalog from '../../src/engines/webllm/catalog.generated.json' with { type: 'json' };
import { formatBytes } from '../../src/core/format/formatBytes.ts';
import { encodeRunLink } from '../../src/core/link/encodeRunLink.ts';
import { suiteHash } from '../../src/core/suite/suiteHash.ts';
import { parseSuiteJson } from '../../src/core/suite/parseSuiteJson.ts';

/** The hash the page computes for a bundled suite: of the validated suite, as a link pins it. */
async function bundledHash(raw: unknown): Promise<string> {
  const parsed = parseSuiteJson(JSON.stringify(raw));
  if (!parsed.ok) throw new Error('the bundled suite does not validate');
  return suiteHash(parsed.value);
}

const report = readFileSync(new URL('../fixtures/reports/punie-30b.report.json', import.meta.url), 'utf8');
const F32 = 'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC';
const F16 = 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC';
const f32Size = formatBytes(catalog.models.find((m) => m.id === F32)?.downloadBytes ?? null);

async function pageHeight(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollHeight);
}

/** Drops `text` as a file named `name` on `selector`, as a file dragged from the desktop. */
async function dropFile(page: Page, selector: string, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], fileName, { type: 'application/json' }));
      return dt;
    },
    [name, text] as const,
  );
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent(selector, type, { dataTransfer: transfer });
  }
}

async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    if (id === testId) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

test.describe('start page', () => {
  // Bounds: about one screen on a desktop (at most 1.3 screens), short on a phone (at most 1.5).
  for (const { name, width, height, screens } of [
    { name: 'desktop', width: 1280, height: 800, screens: 1.3 },
    { name: 'phone', width: 390, height: 844, screens: 1.5 },
  ]) {
    test(`fits ${screens} screens on a ${name} (${width}x${height}), with the verdict line and no sideways scroll`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('./');
      // The SwiftShader adapter has no shader-f16 (device.spec checks it): only f32 builds run.
      await expect(page.getByTestId('device-verdict')).toHaveText(
        /^This GPU can run up to Qwen2\.5-Coder-\d+(\.\d+)?B q4f32$/,
      );
      const measured = await pageHeight(page);
      console.log(
        `start page at ${width}x${height}: ${measured} px (${(measured / height).toFixed(2)} screens)`,
      );
      expect(measured).toBeLessThanOrEqual(height * screens);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
      ).toBeLessThanOrEqual(0);
    });
  }

  test('at 320 px nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('./');
    await expect(page.getByTestId('device-verdict')).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });

  test('the device verdict folds its details and links to the Devices page', async ({ page }) => {
    await page.goto('./');
    const verdict = page.getByTestId('device-verdict');
    await expect(page.getByTestId('verdict-adapter')).toBeHidden();
    await verdict.click();
    await expect(page.getByTestId('verdict-adapter')).toContainText('swiftshader');
    await page.getByRole('link', { name: /All device details/ }).click();
    await expect(page.getByTestId('device-panel').getByTestId('model-verdicts')).toBeVisible();
  });

  test('the three cards reach their destinations by keyboard', async ({ page }) => {
    await page.goto('./');
    await tabTo(page, 'card-run');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/run$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Run an eval');

    await page.goto('./');
    await tabTo(page, 'open-report');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(report) });
    await expect(page.getByTestId('overall-score')).toHaveText('75.0 %');

    await page.goto('./');
    await tabTo(page, 'card-parser');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/playground$/);
    await expect(page.getByTestId('playground-input')).toBeVisible();
  });

  test('a report file dropped on any page opens as a report; a bad one says why', async ({ page }) => {
    await page.goto('./#/devices');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Devices');
    await dropFile(page, 'main', 'broken.json', '{"schema": ');
    await expect(page.getByTestId('drop-error')).toContainText('broken.json');
    await page.getByTestId('drop-error').getByRole('button', { name: 'Dismiss' }).click();

    await dropFile(page, 'main', 'r.json', report);
    await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);
    await expect(page.getByTestId('overall-score')).toHaveText('75.0 %');
    await expect(page.getByTestId('case-row')).toHaveCount(7);
  });
});

test.describe('run page', () => {
  test('one primary action names the download; a disabled one says why next to itself', async ({ page }) => {
    await page.goto('./#/run');
    await expect(page.getByTestId('suite-summary')).toContainText('punie-baseline');
    await expect(page.getByTestId('model-select')).toHaveValue(F32);
    const action = page.getByTestId('start-run');
    await expect(action).toHaveText(`Download ${f32Size} and run`);
    await expect(page.getByTestId('model-facts')).toContainText(`${f32Size} download`);
    await expect(page.getByTestId('model-fit')).toHaveAttribute('data-fit', 'runs');
    await expect(page.getByTestId('start-why')).toHaveCount(0);
    // No measurement here yet: the estimate says so instead of guessing.
    await expect(page.getByTestId('estimate-basis')).toContainText('No speed measured on this device');

    // Parameters are folded under Advanced, with their values in its summary.
    await expect(page.getByLabel('Temperature')).toBeHidden();
    await expect(page.getByTestId('advanced').locator(':scope > summary')).toContainText('temperature 0');

    await page.getByLabel('from a file').check();
    await expect(action).toBeDisabled();
    await expect(page.getByTestId('start-why')).toHaveText('Choose a suite file above first.');
    await expect(action).toHaveAttribute('aria-describedby', 'start-why');
    // It looks disabled: not the enabled primary's filled background.
    const look = await action.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(look).toBe('rgba(0, 0, 0, 0)');
  });

  test('a run link whose build does not fit says so and offers the build that does', async ({ page }) => {
    const suite = JSON.parse(
      readFileSync(new URL('../../suites/punie-baseline.json', import.meta.url), 'utf8'),
    );
    const link = encodeRunLink({
      suite: { kind: 'bundled', id: suite.id, version: suite.version, hash: await bundledHash(suite) },
      model: { engine: 'webllm', kind: 'catalog', modelId: F16 },
      params: { temperature: 0, top_p: 1, max_tokens: 256, seed: 0, tool_call_mode: 'prompt', samples: 1 },
    });
    await page.goto(`./${link}`);
    await expect(page.getByTestId('link-summary')).toContainText(F16);
    await expect(page.getByTestId('model-select')).toHaveValue(F16);
    const verdict = page.getByTestId('selected-verdict');
    await expect(verdict).toContainText("The run link's build does not fit this device");
    await expect(verdict).toContainText('shader-f16');
    await expect(page.getByTestId('model-fit')).toHaveAttribute('data-fit', 'needs-f32');
    // One way to load: no second Load button beside the link.
    await expect(page.getByRole('button', { name: /^Load / })).toHaveCount(0);

    await page.getByTestId('use-alternative').click();
    await expect(page.getByTestId('model-select')).toHaveValue(F32);
    await expect(page.getByTestId('selected-verdict')).toHaveCount(0);
    await expect(page.getByTestId('model-fit')).toHaveAttribute('data-fit', 'runs');
    await expect(page.getByTestId('start-run')).toHaveText(`Download ${f32Size} and run`);
    await expect(page.getByTestId('start-run')).toBeEnabled();
  });

  test('while a replay runs: progress, a live pass/fail tally and the finished cases; controls that cannot act say why', async ({
    page,
  }) => {
    // Every output streams at 40 tokens/s (about 1.5 s per case).
    const slow = JSON.parse(report);
    const figures = {
      promptTokens: 100,
      completionTokens: 60,
      ttftMs: 50,
      prefillTps: 500,
      decodeTps: 40,
      e2eMs: 1500,
    };
    for (const c of slow.cases) c.usage = { reported: figures, measured: figures };
    await page.goto('./');
    await page.getByTestId('replay-recorded-speed').check();
    await page.getByTestId('open-report').setInputFiles({
      name: 'slow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(slow)),
    });
    await expect(page.getByTestId('run-progress')).toBeVisible();
    const tally = page.getByTestId('run-tally');
    await expect(page.getByTestId('run-count')).toHaveText(/^[2-5] of 7 cases$/, { timeout: 30_000 });
    const passed = Number(/^(\d+)/.exec((await page.getByTestId('tally-passed').textContent()) ?? '')?.[1]);
    const failed = Number(/^(\d+)/.exec((await page.getByTestId('tally-failed').textContent()) ?? '')?.[1]);
    expect(passed + failed).toBeGreaterThanOrEqual(2);
    await expect(tally).toContainText('to go');
    const rows = page.getByTestId('partial-results').getByTestId('case-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);

    // Elsewhere in the app, what cannot start now is disabled and says why.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Start' }).click();
    await expect(page.getByTestId('open-report')).toBeDisabled();
    await expect(page.getByTestId('open-report-why')).toContainText('A run is going in this tab');
    await expect(page.getByTestId('open-sample-report')).toBeDisabled();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Run', exact: true })
      .click();
    await expect(page.getByTestId('start-run')).toBeDisabled();
    await expect(page.getByTestId('start-why')).toContainText('A run is going in this tab');
  });

  test('a stopped run shows the cases it finished, not only Resume', async ({ page }) => {
    const slow = JSON.parse(report);
    const figures = {
      promptTokens: 100,
      completionTokens: 60,
      ttftMs: 50,
      prefillTps: 500,
      decodeTps: 40,
      e2eMs: 1500,
    };
    for (const c of slow.cases) c.usage = { reported: figures, measured: figures };
    await page.goto('./');
    await page.getByTestId('replay-recorded-speed').check();
    await page.getByTestId('open-report').setInputFiles({
      name: 'slow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(slow)),
    });
    await expect(page.getByTestId('run-count')).toHaveText(/^[2-5] of 7 cases$/, { timeout: 30_000 });
    await page.reload();
    await expect(page.getByTestId('run-stopped')).toBeVisible();
    const done = Number(
      /after (\d+) of 7/.exec((await page.getByTestId('run-stopped').textContent()) ?? '')?.[1],
    );
    await expect(page.getByTestId('partial-results').getByTestId('case-row')).toHaveCount(done);
    await expect(page.getByTestId('run-tally')).toContainText(`${7 - done} to go`);
    // The start page lists it with what it has.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Start' }).click();
    await expect(page.getByTestId('interrupted-progress')).toContainText(`${done} of 7 cases done`);
  });
});
