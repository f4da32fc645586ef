// `tabeval run` in the browser: the built site served locally, driven in headless Chromium
// (playwright-core and a browser on this machine) the way a person uses it, and the JSON report
// the tab offers for download taken as the result. WebLLM needs WebGPU in that browser.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { serveSite } from './serveSite.ts';

/** The flags a real GPU needs for WebGPU in Chromium, per platform (Linux: Vulkan, blocklist off). */
export const WEBGPU_FLAGS: Readonly<Record<string, readonly string[]>> = {
  linux: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'],
  darwin: ['--enable-unsafe-webgpu'],
  win32: ['--enable-unsafe-webgpu'],
};

/** What to do in the tab. */
export type BrowserTask =
  /** A reproducible run link (`#/run?v=1&…`, checked): the app prefills suite and parameters from it. */
  { kind: 'link'; fragment: string; model: string } | { kind: 'replay'; reportPath: string };

export interface BrowserRunOptions {
  siteDir: string;
  browserPath: string;
  task: BrowserTask;
  /** Extra browser flags (after the WebGPU ones). */
  flags?: readonly string[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export type BrowserRunResult =
  | { ok: true; reportText: string; fallbackAdapter: boolean }
  | {
      ok: false;
      kind: 'no-webgpu' | 'load-failed' | 'browser' | 'stopped';
      message: string;
      /** Stopped: the report of the cases done, when the page offered one. */
      partialReport?: string;
    };

/** WebGPU in the page: an adapter, and whether it is a software one. */
async function probeWebGpu(page: Page): Promise<{ available: boolean; fallback: boolean; why: string }> {
  return page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) return { available: false, fallback: false, why: 'navigator.gpu is missing' };
    const adapter = (await gpu.requestAdapter().catch(() => null)) as {
      isFallbackAdapter?: boolean;
      info?: { isFallbackAdapter?: boolean };
    } | null;
    if (!adapter) return { available: false, fallback: false, why: 'requestAdapter() gave no adapter' };
    return {
      available: true,
      fallback: Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter),
      why: '',
    };
  });
}

async function downloadReport(page: Page): Promise<string> {
  // The downloads sit in the results page's Share / Export menu: open it as a person would.
  const menu = page.getByTestId('share-export-toggle');
  if ((await menu.count()) > 0 && !(await page.getByTestId('export-json').isVisible())) await menu.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Runs the task in headless Chromium; never rejects for a cause the user can fix. */
export async function runInBrowser(options: BrowserRunOptions): Promise<BrowserRunResult> {
  // Loaded here, not at start-up: every other command stays as quick to start as before.
  const { chromium } = await import('playwright-core');
  const site = await serveSite(options.siteDir);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: options.browserPath,
      headless: true,
      // Ctrl-C is the CLI's: it stops the run in the page first, then closes the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      args: [...(WEBGPU_FLAGS[process.platform] ?? WEBGPU_FLAGS['linux']!), ...(options.flags ?? [])],
    });
  } catch (error) {
    await site.close();
    return {
      ok: false,
      kind: 'browser',
      message: `could not start the browser at ${options.browserPath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Give one with --browser PATH (Chromium or Chrome).`,
    };
  }
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const { task } = options;
    if (task.kind === 'replay') {
      await page.goto(`${site.origin}/`);
      await page.getByTestId('open-report').setInputFiles(task.reportPath);
      const outcome = await Promise.race([
        page
          .getByTestId('results-view')
          .waitFor({ timeout: 0 })
          .then(() => 'done' as const),
        page
          .getByTestId('open-report-error')
          .waitFor({ timeout: 0 })
          .then(() => 'error' as const),
      ]);
      if (outcome === 'error') {
        return {
          ok: false,
          kind: 'load-failed',
          message: (await page.getByTestId('open-report-error').textContent()) ?? 'the report was refused',
        };
      }
      return { ok: true, reportText: await downloadReport(page), fallbackAdapter: false };
    }
    await page.goto(`${site.origin}/${task.fragment}`);
    const webgpu = await probeWebGpu(page);
    if (!webgpu.available) {
      return {
        ok: false,
        kind: 'no-webgpu',
        message: `this browser has no WebGPU (${webgpu.why}). On Linux it needs a GPU driver with Vulkan; the flags passed were ${(WEBGPU_FLAGS[process.platform] ?? []).join(' ')}.`,
      };
    }
    await page.getByTestId('model-select').selectOption(task.model);
    // One action loads the model and starts the run; it waits (disabled, saying why) while the
    // suite loads, and for good when a link's suite differs from its hash.
    const start = page.getByTestId('start-run');
    let enabled = false;
    for (let i = 0; i < 100 && !enabled; i++) {
      enabled = await start.isEnabled();
      if (!enabled) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!enabled) {
      const why = (
        await page
          .getByTestId('start-why')
          .textContent()
          .catch(() => null)
      )?.trim();
      return {
        ok: false,
        kind: 'load-failed',
        message: `the page does not start this run${why ? ` (${why})` : ''}; open the link in a browser to see why`,
      };
    }
    await start.click();
    const loaded = await Promise.race([
      page
        .getByTestId('run-progress')
        .or(page.getByTestId('results-view'))
        .first()
        .waitFor({ timeout: 0 })
        .then(() => true),
      page
        .getByTestId('load-error')
        .or(page.getByTestId('load-preflight'))
        .or(page.getByTestId('host-confirm'))
        .first()
        .waitFor({ timeout: 0 })
        .then(() => false),
    ]);
    if (!loaded) {
      // A load error, or a question for a person (the build may not fit; a host to trust by name).
      const problem = page
        .getByTestId('load-error')
        .or(page.getByTestId('load-preflight'))
        .or(page.getByTestId('host-confirm'));
      return {
        ok: false,
        kind: 'load-failed',
        message: (await problem.first().innerText()).trim(),
      };
    }
    const poll = setInterval(() => {
      void page
        .getByTestId('run-count')
        .textContent({ timeout: 1000 })
        .then((text) => {
          const m = /(\d+) of (\d+)/.exec(text ?? '');
          if (m) options.onProgress?.(Number(m[1]), Number(m[2]));
        })
        .catch(() => undefined);
    }, 500);
    try {
      const stopped = new Promise<'stopped'>((resolve) =>
        options.signal?.addEventListener('abort', () => resolve('stopped'), { once: true }),
      );
      const finished = await Promise.race([
        page
          .getByTestId('results-view')
          .waitFor({ timeout: 0 })
          .then(() => 'done' as const),
        stopped,
      ]);
      if (finished === 'stopped') {
        // As a person would: Stop, then the report of the cases done, which the page offers.
        await page
          .getByTestId('stop-run')
          .click()
          .catch(() => undefined);
        await page
          .getByTestId('run-stopped')
          .waitFor({ timeout: 30_000 })
          .catch(() => undefined);
        const offered = (await page.getByTestId('export-json').count()) > 0;
        const partial = offered ? await downloadReport(page).catch(() => null) : null;
        return {
          ok: false,
          kind: 'stopped',
          message: partial === null ? 'stopped before any case finished' : 'stopped',
          ...(partial === null ? {} : { partialReport: partial }),
        };
      }
    } finally {
      clearInterval(poll);
    }
    return { ok: true, reportText: await downloadReport(page), fallbackAdapter: webgpu.fallback };
  } finally {
    await browser.close().catch(() => undefined);
    await site.close();
  }
}
