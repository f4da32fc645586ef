// Runner overhead per case (everything but generation) in Node, and the longest main-thread task
// while a replay streams a 2,000-token output at 200 tokens/s in Chromium (needs `npm run build`).
import { readFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { servePreview } from './previewServer.ts';
import { parseSuiteJson } from '../src/core/suite/parseSuiteJson.ts';
import { runSuite } from '../src/core/run/runSuite.ts';
import { caseKey } from '../src/core/run/caseKey.ts';
import { DEFAULT_PARAMS } from '../src/core/report/paramsSchema.ts';
import { createReplayEngine, type RecordedOutput } from '../src/engines/replay/createReplayEngine.ts';
import type { Suite } from '../src/core/suite/types.ts';

function loadSuite(name: string): Suite {
  const r = parseSuiteJson(readFileSync(new URL(`../suites/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`suite ${name} invalid`);
  return r.value;
}

function syntheticOutput(i: number): string {
  return (
    `Let me look at this.\n<tool_call>\n{"name": "read_file", "arguments": {"path": "src/m${i}.py"}}\n</tool_call>\n` +
    'Here is the fix:\n```python\ndef f(x):\n    return x + 1\n```\nAnswer: 42\n'.repeat(3)
  );
}

async function runnerOverhead(): Promise<void> {
  const suites = ['tool-calling', 'coding-core'].map(loadSuite);
  let cases = 0;
  let ms = 0;
  for (let round = 0; round < 6; round++) {
    for (const suite of suites) {
      const recorded = new Map<string, RecordedOutput>(
        suite.cases.map((c, i) => [caseKey(c.id, 0), { output: syntheticOutput(i) }]),
      );
      const t0 = performance.now();
      await runSuite({
        suite,
        engine: createReplayEngine(recorded),
        params: { ...DEFAULT_PARAMS },
      });
      const dt = performance.now() - t0;
      if (round > 0) {
        ms += dt;
        cases += suite.cases.length;
      }
    }
  }
  console.log(
    `runner overhead: ${(ms / cases).toFixed(2)} ms per case (${cases} cases: build messages, parse, score, hash, summarise)`,
  );
  console.log('target: < 5 ms per case');
}

async function streamingLongTask(): Promise<void> {
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
    console.log('streaming long task: skipped (run `npm run build` first)');
    return;
  }
  const { chromium } = await import('@playwright/test');
  const server = await servePreview(4174);
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as {
        __tasks: { start: number; duration: number }[];
        __streamAt: number;
        __resultsAt: number;
      };
      w.__tasks = [];
      w.__streamAt = Infinity;
      w.__resultsAt = Infinity;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: false });
      // The streaming window: from the first streamed characters to the results view's arrival.
      new MutationObserver(() => {
        const now = performance.now();
        if (w.__streamAt === Infinity && document.querySelector('[data-testid="stream"]')?.textContent)
          w.__streamAt = now;
        if (w.__resultsAt === Infinity && document.querySelector('[data-testid="results-view"]'))
          w.__resultsAt = now;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto('http://127.0.0.1:4174/');
    const report = makeStreamingReport();
    await page.getByTestId('replay-recorded-speed').check();
    const t0 = Date.now();
    await page.getByTestId('open-report').setInputFiles({
      name: 'stream.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(report)),
    });
    await page.getByTestId('overall-score').waitFor({ timeout: 120_000 });
    const seconds = (Date.now() - t0) / 1000;
    const m = await page.evaluate(() => {
      const w = window as unknown as {
        __tasks: { start: number; duration: number }[];
        __streamAt: number;
        __resultsAt: number;
      };
      const during = w.__tasks.filter(
        (t) => t.start >= w.__streamAt && t.start + t.duration <= w.__resultsAt,
      );
      const around = w.__tasks.filter((t) => !during.includes(t));
      return {
        longest: Math.max(0, ...during.map((t) => t.duration)),
        count: during.length,
        outside: Math.max(0, ...around.map((t) => t.duration)),
        streamMs: w.__resultsAt - w.__streamAt,
      };
    });
    console.log(
      `streaming 2,000 tokens at 200 tokens/s (replay, ${(m.streamMs / 1000).toFixed(1)} s of streaming, ${seconds.toFixed(1)} s in all): ` +
        `longest main-thread task while streaming ${m.longest.toFixed(0)} ms (${m.count} tasks over 50 ms); ` +
        `longest outside streaming (page load, opening the report, showing the results) ${m.outside.toFixed(0)} ms`,
    );
    console.log('target: < 50 ms');
    await browser.close();
  } finally {
    server.stop();
  }
}

function makeStreamingReport(): unknown {
  const base = JSON.parse(
    readFileSync(new URL('../tests/fixtures/reports/punie-30b.report.json', import.meta.url), 'utf8'),
  );
  const figures = {
    promptTokens: 100,
    completionTokens: 2000,
    ttftMs: 50,
    prefillTps: 500,
    decodeTps: 200,
    e2eMs: 10_000,
  };
  const long = 'def f(x):\n    return x * 2  # doubles x\n'.repeat(200).slice(0, 8000);
  base.cases = base.cases.slice(0, 1).map((c: Record<string, unknown>) => ({
    ...c,
    output: long,
    usage: { reported: figures, measured: figures },
  }));
  return base;
}

/** Prints the runner's figures. */
export async function benchRunner(): Promise<void> {
  await runnerOverhead();
  await streamingLongTask();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchRunner();
