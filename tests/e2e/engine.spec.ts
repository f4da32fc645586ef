import { expect, test, type Page } from '@playwright/test';
import catalog from '../../src/engines/webllm/catalog.generated.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { encodeRunLink } from '../../src/core/link/encodeRunLink.ts';
import { suiteHash } from '../../src/core/suite/suiteHash.ts';
import { parseSuiteJson } from '../../src/core/suite/parseSuiteJson.ts';
import { watchPage } from './cspWatch.ts';
import { MINIMAL_CHAT_CONFIG, routeModelHosts, serveJson } from './modelHostRoutes.ts';

/** The hash the page computes for a bundled suite: of the validated suite, as a link pins it. */
async function bundledHash(raw: unknown): Promise<string> {
  const parsed = parseSuiteJson(JSON.stringify(raw));
  if (!parsed.ok) throw new Error('the bundled suite does not validate');
  return suiteHash(parsed.value);
}

const MODEL_ID = 'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC';
const model = catalog.models.find((m) => m.id === MODEL_ID);
if (!model) throw new Error(`${MODEL_ID} is not in the catalog`);
const CONFIG_URL = `${model.modelUrl}/resolve/main/mlc-chat-config.json`;
const LIB_URL = model.modelLibUrl;

async function openRunPage(page: Page): Promise<void> {
  await page.goto('./#/run');
  await expect(page.getByTestId('model-select')).toHaveValue(MODEL_ID);
  await expect(page.getByTestId('start-run')).toBeEnabled();
}

async function openAdvanced(page: Page): Promise<void> {
  const advanced = page.getByTestId('advanced');
  if ((await advanced.getAttribute('open')) === null) await advanced.locator(':scope > summary').click();
}

test.describe('WebLLM engine in its worker', () => {
  test('a library that answers 404 is named, with the URLs the catalog pins; a second attempt works the same', async ({
    page,
    context,
  }) => {
    const seen = await routeModelHosts(context, (route, url) =>
      url.endsWith('/mlc-chat-config.json') ? serveJson(route, MINIMAL_CHAT_CONFIG) : 'default',
    );
    const problems = await watchPage(page);
    await openRunPage(page);

    await page.getByTestId('start-run').click();
    const error = page.getByTestId('load-error');
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(error).toHaveAttribute('data-error-name', 'ArtifactFetchFailed');
    await expect(page.getByTestId('load-error-url')).toHaveText(LIB_URL);
    await expect(error).toContainText('HTTP 404');
    await expect(error).toContainText('model library (.wasm)');

    // WebLLM asked for exactly the config and library the catalog pins (then our probe checked the library).
    const gets = seen.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(gets).toEqual([CONFIG_URL, LIB_URL]);
    expect(seen.filter((r) => r.method === 'HEAD').map((r) => r.url)).toEqual([LIB_URL]);

    // Second attempt: the config now comes from the cache, the library fails again, same message.
    seen.length = 0;
    await page.getByTestId('retry-button').click();
    await expect(page.getByTestId('load-progress')).toBeVisible();
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('load-error-url')).toHaveText(LIB_URL);
    expect(seen.map((r) => r.url)).not.toContain(CONFIG_URL);
    expect(seen.map((r) => r.url)).toContain(LIB_URL);

    // The page stays usable: another model can be picked and loaded.
    await page.getByTestId('model-select').selectOption('Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC');
    await expect(page.getByTestId('start-run')).toBeEnabled();
    await openAdvanced(page);
    await expect(page.getByTestId('cache-manager')).toContainText(MODEL_ID);
    expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
  });

  test('a network failure names the URL that did not answer', async ({ page, context }) => {
    await routeModelHosts(context, (route, url) => {
      if (url.endsWith('/mlc-chat-config.json')) return serveJson(route, MINIMAL_CHAT_CONFIG);
      if (url === LIB_URL) return route.abort('internetdisconnected');
      return 'default';
    });
    await openRunPage(page);
    await page.getByTestId('start-run').click();
    const error = page.getByTestId('load-error');
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('load-error-url')).toHaveText(LIB_URL);
    await expect(error).toContainText('network error');
  });

  test('a load can be cancelled and started again', async ({ page, context }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await routeModelHosts(context, async (route, url) => {
      if (!url.endsWith('/mlc-chat-config.json')) return 'default';
      await held; // the first config request hangs until the test releases it
      return serveJson(route, MINIMAL_CHAT_CONFIG).catch(() => undefined);
    });
    await openRunPage(page);
    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('load-progress')).toBeVisible();
    await page.getByTestId('cancel-button').click();
    await expect(page.getByTestId('load-progress')).toBeHidden();
    await expect(page.getByTestId('load-error')).toBeHidden();
    await expect(page.getByTestId('start-run')).toBeEnabled();
    release();
    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('load-error-url')).toHaveText(LIB_URL);
  });

  test('custom model URLs are checked: not absolute, then not an MLC folder', async ({ page, context }) => {
    const seen = await routeModelHosts(context, () => 'default');
    await openRunPage(page);
    await page.getByLabel('Custom MLC build (URLs)').check();
    await page.getByTestId('custom-model-url').fill('models/my-qwen');
    await page.getByTestId('custom-lib-url').fill('https://example.org/lib/qwen.wasm');
    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('custom-error')).toContainText('not an absolute http(s) URL');
    expect(seen).toEqual([]);

    await page.getByTestId('custom-model-url').fill('https://example.org/models/my-qwen');
    await page.getByTestId('start-run').click();
    // example.org is not a catalog model host: the load waits for a confirmation by name.
    await expect(page.getByTestId('host-confirm-hosts')).toHaveText('https://example.org');
    expect(seen).toEqual([]);
    await page.getByTestId('host-confirm-trust').click();
    const error = page.getByTestId('load-error');
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(error).toHaveAttribute('data-error-name', 'InvalidCustomModel');
    await expect(page.getByTestId('load-error-url')).toHaveText(
      'https://example.org/models/my-qwen/resolve/main/mlc-chat-config.json',
    );
    await expect(error).toContainText('HTTP 404');
  });

  test('a run link naming a foreign host fetches nothing from it, on open or on Load, until the host is confirmed', async ({
    page,
    context,
  }) => {
    const seen = await routeModelHosts(context, () => 'default');
    const workerUrls: string[] = [];
    page.on('worker', (w) => workerUrls.push(w.url()));
    const suite = JSON.parse(
      readFileSync(new URL('../../suites/punie-baseline.json', import.meta.url), 'utf8'),
    );
    const fragment = encodeRunLink({
      suite: { kind: 'bundled', id: suite.id, version: suite.version, hash: await bundledHash(suite) },
      model: {
        engine: 'webllm',
        kind: 'custom',
        modelId: 'evil-qwen',
        modelUrl: 'https://evil.example/m/',
        modelLibUrl: 'https://evil.example/m/lib.wasm',
      },
      params: { temperature: 0, top_p: 1, max_tokens: 256, seed: 0, tool_call_mode: 'prompt', samples: 1 },
    });
    await page.goto(`./${fragment}`);
    await expect(page.getByTestId('link-summary')).toContainText('evil.example');
    await expect(page.getByTestId('link-model-note')).toContainText('evil-qwen');
    await page.getByTestId('start-run').click();
    const confirm = page.getByTestId('host-confirm');
    await expect(confirm).toBeFocused();
    await expect(page.getByTestId('host-confirm-hosts')).toHaveText('https://evil.example');
    await expect(confirm).toContainText('code that will run in this page');
    await page.getByTestId('host-confirm-cancel').click();
    await expect(confirm).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(seen.filter((r) => r.url.includes('evil.example'))).toEqual([]);

    // Confirmed by name: now, and only now, the worker asks the host.
    await page.getByTestId('start-run').click();
    await page.getByTestId('host-confirm-trust').click();
    await expect(page.getByTestId('load-error')).toBeVisible({ timeout: 45_000 });
    expect(seen.some((r) => r.url === 'https://evil.example/m/resolve/main/mlc-chat-config.json')).toBe(true);
    // The worker's script carries its own policy (the page's meta tag does not govern a worker).
    const worker = workerUrls.find((url) => /\/worker-[\w-]+\.js$/.test(url));
    expect(worker).toBeDefined();
    const headers = (await page.request.get(worker!)).headers();
    expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  test('the worker creates a WebGPU device with WebLLM limits on the software adapter', async ({ page }) => {
    await openRunPage(page);
    await openAdvanced(page);
    await page.getByText('Check the GPU from the model worker').click();
    await page.getByTestId('worker-gpu-check').click();
    const result = page.getByTestId('worker-gpu-result');
    await expect(result).toHaveAttribute('data-device-created', 'true', { timeout: 30_000 });
    await expect(result).toHaveAttribute('data-compute-ok', 'true');
    await expect(result).toContainText('google / swiftshader (fallback adapter)');
  });
});

test.describe('WebLLM engine: invalid files', () => {
  test('a library that is not WebAssembly is named as the library to fix', async ({ page, context }) => {
    await routeModelHosts(context, (route, url) => {
      if (url.endsWith('/mlc-chat-config.json')) return serveJson(route, MINIMAL_CHAT_CONFIG);
      if (url === LIB_URL) {
        return route.fulfill({
          status: 200,
          headers: { 'access-control-allow-origin': '*' },
          body: '<!doctype html>',
        });
      }
      return 'default';
    });
    await openRunPage(page);
    await page.getByTestId('start-run').click();
    const error = page.getByTestId('load-error');
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(error).toHaveAttribute('data-error-name', 'InvalidModelLibrary');
    await expect(page.getByTestId('load-error-url')).toHaveText(LIB_URL);
    await expect(error).toContainText('CompileError');
  });
});

test.describe('WebLLM engine: shader-f16', () => {
  test('an f16 build on a GPU without shader-f16 is stopped before any download, with the f32 build offered', async ({
    page,
    context,
  }) => {
    const seen = await routeModelHosts(context, () => 'default');
    await openRunPage(page);
    await page.getByTestId('model-select').selectOption('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('load-preflight')).toContainText('no shader-f16');

    // Loading anyway: the worker checks the adapter itself and refuses before fetching anything.
    await page.getByTestId('load-anyway').click();
    const error = page.getByTestId('load-error');
    await expect(error).toHaveAttribute('data-error-name', 'ShaderF16Unsupported', { timeout: 45_000 });
    expect(seen).toEqual([]);

    // The offered f32 build loads (and here meets the routed 404 for its config).
    await error.getByRole('button', { name: `Load ${MODEL_ID}` }).click();
    await expect(page.getByTestId('model-select')).toHaveValue(MODEL_ID);
    await expect(page.getByTestId('load-error-url')).toHaveText(CONFIG_URL, { timeout: 45_000 });
    expect(seen[0]).toEqual({ method: 'GET', url: CONFIG_URL });
  });
});

test.describe('WebLLM engine: storage', () => {
  test('a download that does not fit is flagged before loading; a full quota says what to do', async ({
    page,
    context,
  }) => {
    // The page sees 500 MB free (estimate stubbed) and the browser really enforces a tiny quota,
    // so WebLLM's first Cache.add fails with a real QuotaExceededError.
    await page.addInitScript(() => {
      StorageManager.prototype.estimate = async () => ({ quota: 600e6, usage: 100e6 });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(test.info().project.use.baseURL ?? '').origin,
      quotaSize: 5000,
    });
    await routeModelHosts(context, (route, url) =>
      url.endsWith('/mlc-chat-config.json')
        ? serveJson(
            route,
            JSON.stringify({ ...JSON.parse(MINIMAL_CHAT_CONFIG), padding: 'x'.repeat(20_000) }),
          )
        : 'default',
    );
    await page.goto('./#/devices');
    await expect(page.getByTestId('recommended-model')).toHaveText('Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC');
    await expect(page.locator(`[data-model-id="${MODEL_ID}"]`)).toHaveAttribute(
      'data-fit',
      'too-big-storage',
    );
    await page.goto('./#/run');

    await page.getByTestId('model-select').selectOption(MODEL_ID);
    await page.getByTestId('start-run').click();
    await expect(page.getByTestId('load-preflight')).toContainText('exceeds the free storage');
    await page.getByTestId('load-anyway').click();

    const error = page.getByTestId('load-error');
    await expect(error).toHaveAttribute('data-error-name', 'StorageQuotaExceeded', { timeout: 45_000 });
    await expect(error).toContainText('Delete cached models');
    await error.getByRole('button', { name: 'Manage cached models' }).click();
    await expect(page.locator('#cache-h')).toBeFocused();
  });
});
