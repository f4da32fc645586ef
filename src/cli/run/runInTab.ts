// `tabeval run --engine webllm|replay`: the run in the built site, in headless Chromium.
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseReportJson } from '../../core/report/parseReportJson.ts';
import { renderTextSummary } from '../../core/report/renderTextSummary.ts';
import { err, out, UsageError } from '../io.ts';
import { runInBrowser, type BrowserTask } from './browserRun.ts';
import { RUN_EXIT } from './exitCodes.ts';
import { createRunProgress } from './runProgress.ts';
import { writeReportFile } from './writeReportFile.ts';

const SITE = fileURLToPath(new URL('../dist/', import.meta.url));
const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The browser to drive: --browser, CHROMIUM_PATH, or the first usual install found. */
async function findBrowser(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  for (const path of BROWSERS) if (await exists(path)) return path;
  throw new UsageError('no Chromium or Chrome found: give one with --browser PATH');
}

export interface TabRunSettings {
  task: BrowserTask;
  browser: string | undefined;
  /** Extra browser flags. */
  flags: readonly string[];
  output: string;
  json: boolean;
}

/** Runs the task in the tab and writes the report the tab offers; returns the exit code. */
export async function runInTab(settings: TabRunSettings): Promise<number> {
  if (!(await exists(`${SITE}index.html`))) {
    throw new UsageError(`the built site is missing (${SITE}): run "npm run build" first`);
  }
  const browserPath = await findBrowser(settings.browser);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = createRunProgress(!settings.json && process.stderr.isTTY === true);
  let last = -1;
  let result;
  try {
    result = await runInBrowser({
      siteDir: SITE,
      browserPath,
      task: settings.task,
      flags: settings.flags,
      signal: stop.signal,
      onProgress: (done, total) => {
        if (done === last) return;
        last = done;
        progress.onProgress({ done, total, caseId: null, sample: 0, phase: 'case-done' });
      },
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (!result.ok) {
    if (result.kind === 'stopped' && result.partialReport !== undefined && settings.output !== '-') {
      const partial = parseReportJson(result.partialReport);
      if (partial.ok) {
        await writeReportFile(settings.output, partial.value);
        err(
          `stopped after ${partial.value.cases.length} records; the partial report is in ${settings.output}`,
        );
        return RUN_EXIT.interrupted;
      }
    }
    err(`tabeval run: ${result.message}`);
    if (result.kind === 'no-webgpu') return RUN_EXIT.noWebGpu;
    if (result.kind === 'stopped') return RUN_EXIT.interrupted;
    return result.kind === 'browser' ? RUN_EXIT.usage : RUN_EXIT.engineFailed;
  }
  const parsed = parseReportJson(result.reportText);
  if (!parsed.ok) throw new Error(`the tab's report did not validate: ${parsed.issues[0]?.message ?? ''}`);
  if (result.fallbackAdapter)
    err('warning: the WebGPU adapter is a software one: scores are valid, speeds are not');
  if (settings.output === '-') out(JSON.stringify(parsed.value, null, 2));
  else {
    await writeReportFile(settings.output, parsed.value);
    out(settings.json ? JSON.stringify(parsed.value, null, 2) : renderTextSummary(parsed.value));
    err(`report written to ${settings.output}`);
  }
  return RUN_EXIT.ok;
}
