import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import * as v from 'valibot';
import { parseCommandArgs } from '../parseCommandArgs.ts';
import { createMemoryRunStore, type RunPlan } from '../../core/run/runStore.ts';
import { createRun, executeRun } from '../../core/run/runSession.ts';
import { caseKey } from '../../core/run/caseKey.ts';
import {
  DEFAULT_PARAMS,
  MaxTokensSchema,
  SamplesSchema,
  SeedSchema,
  TemperatureSchema,
  ToolCallModeSchema,
  TopPSchema,
} from '../../core/report/paramsSchema.ts';
import type { GenerationParams, Report, ReportCase } from '../../core/report/schema.ts';
import { reportSuite } from '../../core/report/reportSuite.ts';
import { renderTextSummary } from '../../core/report/renderTextSummary.ts';
import { suiteHash } from '../../core/suite/suiteHash.ts';
import type { Suite } from '../../core/suite/types.ts';
import { evaluateGates, type GateSettings } from '../../core/compare/evaluateGates.ts';
import { DEFAULT_SCORING } from '../../core/execution/schema.ts';
import type { Engine } from '../../core/engine.ts';
import { createEndpointEngine } from '../../engines/endpoint/createEndpointEngine.ts';
import { err, out, UsageError } from '../io.ts';
import {
  parseExecTimeoutOption,
  parsePassKOption,
  SCORING_OPTIONS,
  scoringHelp,
  withExecutor,
} from '../scoringOptions.ts';
import { loadReportFile } from './report.ts';
import { RUN_EXIT, runExitHelp } from '../run/exitCodes.ts';
import { resolveSuite } from '../run/resolveSuite.ts';
import { createRunProgress } from '../run/runProgress.ts';
import { writeReportFile } from '../run/writeReportFile.ts';
import { nodeHttpFetch } from '../run/nodeHttpFetch.ts';
import { runInTab } from '../run/runInTab.ts';
import { WEBGPU_FLAGS, type BrowserTask } from '../run/browserRun.ts';
import { decodeRunLink } from '../../core/link/decodeRunLink.ts';
import { encodeRunLink } from '../../core/link/encodeRunLink.ts';
import { makeRunLink } from '../../core/link/makeRunLink.ts';
import type { RunLinkParams, RunSpec } from '../../core/link/runSpec.ts';
import { modelCatalog } from '../../engines/webllm/models.ts';

export const runHelp = `tabeval run --suite ID|FILE --engine endpoint --base-url URL --model NAME -o REPORT.json [options]
  Runs a suite against a model behind an OpenAI-compatible server (llama.cpp's llama-server,
  Ollama, mlx_lm.server, LM Studio, vLLM…) with the same runner, prompts, parser and scorers as
  the app, and writes the same JSON report (tabeval.report/2). Prints the summary; progress with
  ETA and tokens/s goes to standard error when it is a terminal.
  --suite ID|FILE       a bundled suite (punie-baseline, tool-calling, coding-core, python-functions)
                        or a suite file
  --engine endpoint     the engine: endpoint (the default), webllm or replay (see below)
  --base-url URL        the server's API base, e.g. http://127.0.0.1:8080/v1
  --model NAME          the model name the server knows (GET {base}/models lists them)
  --api-key-env NAME    read the API key from this environment variable (default TABEVAL_API_KEY);
                        the key is sent to the server only, never written anywhere
  --record-origin       record the server's origin (scheme, host, port) in the report
  -o, --output FILE     where to write the report (kept unless --force; "-" for standard output)
  --force               overwrite an existing output file
  --resume FILE         continue the run of this report (its suite and parameters): finished cases
                        are kept, cases not reached or failed in the engine run again; writes to
                        the same file unless -o is given
  --samples N           generations per case (pass@k), default 1
  --temperature T       default 0;  --top-p P default 1;  --max-tokens N default 1024;  --seed N default 42
  --tool-call-mode M    prompt (tools in the system prompt, the default) or native (the server's
                        own tools parameter); runs in different modes are never compared as equal
  --concurrency N       send N cases at once, for servers that batch (default 1); same results, in
                        suite order
  --case-timeout MS     stop a generation after MS milliseconds (recorded as a timeout)
  --label TEXT          a device label recorded in the report ("4090 box, vLLM 0.11")
  --json                print the report as JSON instead of the summary (and no progress bar)
  Gates (for CI and training loops):
  --min-score F         exit 1 when the overall score is below F (0.9 or 90%)
  --baseline FILE       compare with this earlier report of the same suite...
  --max-drop P          ...and exit 1 when the overall dropped by more than P points and McNemar's
                        exact test on the flipped cases says the drop is significant at 0.05
${scoringHelp}
In the tab (the built site in headless Chromium or Chrome, driven with playwright-core):
  tabeval run --engine webllm --model <catalog id> --suite <bundled id> -o REPORT.json [--browser PATH]
                        runs a WebLLM build on this machine's GPU as the app does, through the
                        run link of these choices: --samples, --temperature, --top-p, --max-tokens,
                        --seed and --tool-call-mode (prompt, native or constrained) apply; passes ${WEBGPU_FLAGS[process.platform]?.join(' ') ?? '--enable-unsafe-webgpu'}
  tabeval run "<run link>" -o REPORT.json [--browser PATH]
                        runs exactly what a reproducible run link pins (suite, model, parameters)
  tabeval run --engine replay --report OLD.json -o REPORT.json [--browser PATH]
                        re-scores a report's outputs in the tab (as "Open a report" does)
  --browser PATH        the browser (default: CHROMIUM_PATH, else /usr/bin/chromium or Chrome)
  --browser-arg ARG     one more browser flag (repeatable), e.g. --browser-arg=--use-angle=vulkan
${runExitHelp}`;

const OPTIONS = {
  suite: { type: 'string' },
  engine: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  'record-origin': { type: 'boolean', default: false },
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean', default: false },
  resume: { type: 'string' },
  samples: { type: 'string' },
  temperature: { type: 'string' },
  'top-p': { type: 'string' },
  'max-tokens': { type: 'string' },
  seed: { type: 'string' },
  'tool-call-mode': { type: 'string' },
  concurrency: { type: 'string' },
  'case-timeout': { type: 'string' },
  label: { type: 'string' },
  json: { type: 'boolean', default: false },
  'min-score': { type: 'string' },
  baseline: { type: 'string' },
  'max-drop': { type: 'string' },
  browser: { type: 'string' },
  'browser-arg': { type: 'string', multiple: true },
  report: { type: 'string' },
  ...SCORING_OPTIONS,
} as const;

const HINTS = {
  'api-key':
    'there is no --api-key (it would show in the process list): set TABEVAL_API_KEY, or --api-key-env NAME',
  url: 'give the server as --base-url URL',
  out: 'give the report file as -o FILE',
};

/** A number option checked by a parameter schema; undefined when not given. */
function numberOption(
  name: string,
  text: string | undefined,
  schema: v.GenericSchema<number, number>,
): number | undefined {
  if (text === undefined) return undefined;
  const parsed = v.safeParse(schema, text.trim() === '' ? Number.NaN : Number(text));
  if (!parsed.success) throw new UsageError(`--${name} ${text}: ${parsed.issues[0]?.message ?? 'invalid'}`);
  return parsed.output;
}

function wholeOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${name} ${text}: give a whole number from ${min} to ${max}`);
  }
  return n;
}

/** `0.9`, `90%` or `90` as a fraction. */
function scoreOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text);
  const fraction = percent || n > 1 ? n / 100 : n;
  if (text.trim() === '' || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new UsageError(`--min-score ${text}: give a fraction from 0 to 1 (0.9) or a percentage (90%)`);
  }
  return fraction;
}

/** The generation parameters from the options over `base`; `engine` says which tool-call modes it has. */
function paramsFrom(
  values: Record<string, unknown>,
  base: GenerationParams,
  engine: 'endpoint' | 'webllm' = 'endpoint',
): GenerationParams {
  const text = (name: string) => values[name] as string | undefined;
  const mode = text('tool-call-mode');
  const modes = engine === 'webllm' ? 'prompt, native or constrained' : 'prompt or native';
  if (mode !== undefined && !v.is(ToolCallModeSchema, mode)) {
    throw new UsageError(`--tool-call-mode ${mode}: give ${modes}`);
  }
  if (mode === 'constrained' && engine === 'endpoint')
    throw new UsageError("--tool-call-mode constrained is WebLLM's (in the tab); give prompt or native");
  return {
    ...base,
    temperature: numberOption('temperature', text('temperature'), TemperatureSchema) ?? base.temperature,
    top_p: numberOption('top-p', text('top-p'), TopPSchema) ?? base.top_p,
    max_tokens: numberOption('max-tokens', text('max-tokens'), MaxTokensSchema) ?? base.max_tokens,
    seed: numberOption('seed', text('seed'), SeedSchema) ?? base.seed,
    samples: numberOption('samples', text('samples'), SamplesSchema) ?? base.samples,
    tool_call_mode: mode ?? base.tool_call_mode,
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The records of a report to resume: those that finished, not those the engine failed or that were stopped. */
function finishedRecords(report: Report): ReportCase[] {
  return report.cases.filter(
    (r) => r.finishReason !== 'error' && r.finishReason !== 'abort' && r.output !== null,
  );
}

const TAB_OPTIONS = new Set([
  'suite',
  'engine',
  'model',
  'output',
  'force',
  'json',
  'browser',
  'browser-arg',
  'report',
]);

/** `--engine webllm` without a link takes the generation parameters too (they go into its run link). */
const WEBLLM_OPTIONS = new Set([
  ...TAB_OPTIONS,
  'samples',
  'temperature',
  'top-p',
  'max-tokens',
  'seed',
  'tool-call-mode',
]);

/** `--engine webllm` (a catalog model on this machine's GPU) or `replay` (a report re-scored), in the tab. */
async function runTabEngine(
  engine: 'webllm' | 'replay',
  values: Record<string, unknown>,
  linkTask?: BrowserTask,
): Promise<number> {
  const allowed = engine === 'webllm' && linkTask === undefined ? WEBLLM_OPTIONS : TAB_OPTIONS;
  const extra = Object.keys(values).filter(
    (k) => !allowed.has(k) && values[k] !== undefined && values[k] !== false,
  );
  if (extra.length > 0) {
    const takes =
      engine === 'replay'
        ? '--report, -o, --force, --json, --browser'
        : linkTask === undefined
          ? '--suite, --model, the generation parameters (--samples, --temperature, --top-p, --max-tokens, --seed, --tool-call-mode), -o, --force, --json, --browser'
          : '-o, --force, --json, --browser (the link pins the rest)';
    throw new UsageError(`--engine ${engine} takes ${takes}; not --${extra.join(', --')}`);
  }
  const output = values['output'] as string | undefined;
  if (output === undefined)
    throw new UsageError('-o REPORT.json is required (or "-o -" for standard output)');
  if (output !== '-' && values['force'] !== true && (await exists(output))) {
    throw new UsageError(`${output} exists: give --force to overwrite it`);
  }
  const browser = values['browser'] as string | undefined;
  const flags = (values['browser-arg'] as string[] | undefined) ?? [];
  const json = values['json'] === true;
  if (engine === 'replay') {
    const report = values['report'] as string | undefined;
    if (report === undefined)
      throw new UsageError('--engine replay needs --report FILE (its outputs are re-scored in the tab)');
    await loadReportFile(report);
    return runInTab({ task: { kind: 'replay', reportPath: report }, browser, flags, output, json });
  }
  if (linkTask !== undefined) return runInTab({ task: linkTask, browser, flags, output, json });
  const model = values['model'] as string | undefined;
  const suite = values['suite'] as string | undefined;
  if (model === undefined || suite === undefined) {
    throw new UsageError('--engine webllm needs --model <catalog id> and --suite <bundled suite id>');
  }
  if (!/^[\w.-]+$/.test(suite)) throw new UsageError('--engine webllm runs bundled suites: give a suite id');
  // The run is the reproducible run link of these choices, so the tab runs exactly them.
  const bundled = await resolveSuite(suite);
  const spec: RunSpec = {
    suite: { kind: 'bundled', id: bundled.id, version: bundled.version, hash: await suiteHash(bundled) },
    model: { engine: 'webllm', kind: 'catalog', modelId: model },
    params: runLinkParams(paramsFrom(values, { ...DEFAULT_PARAMS }, 'webllm')),
  };
  const link = makeRunLink(spec, new Set(modelCatalog.map((m) => m.id)));
  if (!link.ok) throw new UsageError(`--engine webllm: ${link.error}`);
  return runInTab({ task: { kind: 'link', fragment: link.value, model }, browser, flags, output, json });
}

/** The parameters a run link pins, from a run's parameters. */
function runLinkParams(params: GenerationParams): RunLinkParams {
  const { temperature, top_p, max_tokens, seed, tool_call_mode, samples } = params;
  return { temperature, top_p, max_tokens, seed, tool_call_mode, samples };
}

/** `tabeval run "<run link>"`: exactly what a reproducible run link pins, in the tab. */
async function runLink(link: string, values: Record<string, unknown>): Promise<number> {
  if (values['engine'] !== undefined && values['engine'] !== 'webllm') {
    throw new UsageError('a run link runs in the tab (WebLLM): give no --engine, or --engine webllm');
  }
  for (const name of ['suite', 'model']) {
    if (values[name] !== undefined) throw new UsageError(`a run link pins the ${name}: give no --${name}`);
  }
  const decoded = decodeRunLink(link, new Set(modelCatalog.map((m) => m.id)));
  if (!decoded.ok) throw new UsageError(`not a usable run link: ${decoded.error}`);
  const spec = decoded.value;
  if (spec.model.kind !== 'catalog') {
    throw new UsageError(
      'links to a custom MLC build run in the tab only, for now: open the link in a browser',
    );
  }
  return runTabEngine(
    'webllm',
    { ...values, engine: 'webllm' },
    { kind: 'link', fragment: encodeRunLink(spec), model: spec.model.modelId },
  );
}

/** `tabeval run`: a suite against a server, through the app's run session, to a report. */
export async function runRun(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('run', args, OPTIONS, HINTS);
  if (positionals.length > 1)
    throw new UsageError(`unexpected argument "${positionals[1]}" (options start with --)`);
  if (positionals.length === 1) return runLink(positionals[0]!, values);
  const engineName = values.engine ?? 'endpoint';
  if (engineName === 'webllm' || engineName === 'replay') return runTabEngine(engineName, values);
  if (engineName !== 'endpoint') {
    throw new UsageError(`--engine ${engineName}: give endpoint, webllm or replay`);
  }
  const baseUrl = values['base-url'];
  const model = values.model;
  if (baseUrl === undefined || model === undefined) {
    throw new UsageError(
      '--base-url URL and --model NAME are required (e.g. --base-url http://127.0.0.1:8080/v1)',
    );
  }

  // The suite and parameters: from --resume's report, or from --suite and the options.
  let suite: Suite;
  let base: GenerationParams = { ...DEFAULT_PARAMS };
  let done: ReportCase[] = [];
  let resumedScoring: Report['scoring'];
  if (values.resume !== undefined) {
    const old = await loadReportFile(values.resume);
    const embedded = reportSuite(old);
    if (!embedded.ok) throw new UsageError(`${values.resume}: the suite in the report is not valid`);
    suite = embedded.value;
    if (values.suite !== undefined) {
      const given = await resolveSuite(values.suite);
      if ((await suiteHash(given)) !== old.suite.hash) {
        throw new UsageError(
          `--suite ${values.suite} is not the suite of ${values.resume} (their hashes differ)`,
        );
      }
    }
    if (old.source.kind !== 'endpoint') {
      throw new UsageError(
        `${values.resume} was not made by tabeval run against a server: it cannot be continued here`,
      );
    }
    if (old.source.model !== model) {
      throw new UsageError(`${values.resume} was run with the model "${old.source.model}", not "${model}"`);
    }
    base = old.params;
    done = finishedRecords(old);
    resumedScoring = old.scoring;
  } else {
    if (values.suite === undefined)
      throw new UsageError('--suite ID|FILE is required (or --resume REPORT.json)');
    suite = await resolveSuite(values.suite);
  }
  const params = paramsFrom(values, base);
  if (values.resume !== undefined && JSON.stringify(params) !== JSON.stringify(base)) {
    throw new UsageError(
      `--resume keeps the parameters of ${values.resume}: give no sampling options with it`,
    );
  }
  const output = values.output ?? values.resume;
  if (output === undefined)
    throw new UsageError('-o REPORT.json is required (or "-o -" for standard output)');
  if (output !== '-' && output !== values.resume && !values.force && (await exists(output))) {
    throw new UsageError(
      `${output} exists: give --force to overwrite it, or --resume ${output} to continue it`,
    );
  }
  if (output !== '-') {
    const folder = dirname(resolvePath(output));
    const writable = await access(folder, constants.W_OK).then(
      () => true,
      () => false,
    );
    if (!writable) throw new UsageError(`-o ${output}: cannot write in ${folder} (missing or read-only)`);
  }
  const concurrency = wholeOption('concurrency', values.concurrency, 1, 256) ?? 1;
  const caseTimeoutMs = wholeOption('case-timeout', values['case-timeout'], 1, 86_400_000) ?? null;
  const passK =
    values['pass-k'] === undefined ? (resumedScoring?.passK ?? []) : parsePassKOption(values['pass-k']);
  const execTimeoutMs =
    parseExecTimeoutOption(values['exec-timeout']) ??
    resumedScoring?.execTimeoutMs ??
    DEFAULT_SCORING.execTimeoutMs;
  const gates: GateSettings = {};
  const minScore = scoreOption(values['min-score']);
  if (minScore !== undefined) gates.minScore = minScore;
  if (values['max-drop'] !== undefined && values.baseline === undefined) {
    throw new UsageError('--max-drop needs --baseline FILE');
  }
  if (values.baseline !== undefined) {
    gates.baseline = await loadReportFile(values.baseline);
    const drop = Number(values['max-drop'] ?? '0');
    if (!Number.isFinite(drop) || drop < 0 || drop > 100 || (values['max-drop'] ?? '0').trim() === '') {
      throw new UsageError(`--max-drop ${values['max-drop']}: give percentage points from 0 to 100`);
    }
    gates.maxDropPoints = drop;
  }

  const keyVariable = values['api-key-env'] ?? 'TABEVAL_API_KEY';
  const apiKey = process.env[keyVariable];
  if (values['api-key-env'] !== undefined && (apiKey === undefined || apiKey === '')) {
    throw new UsageError(`--api-key-env ${keyVariable}: that environment variable is not set`);
  }
  const engine = createEndpointEngine({
    fetch: nodeHttpFetch,
    ...(apiKey === undefined || apiKey === '' ? {} : { apiKey }),
    recordOrigin: values['record-origin'],
  });
  const loaded = await engine.load({ engine: 'endpoint', baseUrl, model }, () => {});
  if (!loaded.ok) {
    err(`tabeval run: ${loaded.error.message}`);
    if (loaded.error.detail !== undefined) err(`  (${loaded.error.detail})`);
    return RUN_EXIT.engineFailed;
  }

  const stop = new AbortController();
  // A server that goes away mid-run would fail every remaining case: stop instead, keep what ran.
  let serverGone: string | null = null;
  const watched: Engine = {
    ...engine,
    async generate(request, onToken, signal) {
      const result = await engine.generate(request, onToken, signal);
      if (!result.ok && result.error.name === 'ServerGone' && serverGone === null) {
        serverGone = result.error.message;
        stop.abort();
      }
      return result;
    },
  };
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(RUN_EXIT.interrupted);
    err('\nstopping: finishing the report of the cases done (Ctrl-C again to quit at once)');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const progress = createRunProgress(!values.json && process.stderr.isTTY === true);
  const plan: RunPlan = {
    suite,
    params,
    device: values.label === undefined ? null : { label: values.label.slice(0, 200), browserVersion: null },
    outputs: { kind: 'live', model: { engine: 'endpoint', baseUrl, model } },
    caseTimeoutMs,
    scoring: { passK, execTimeoutMs },
  };
  const store = createMemoryRunStore();
  let finished;
  try {
    finished = await withExecutor(suite, values['no-exec'], async (executor) => {
      const run = await createRun(store, plan, { model, device: values.label ?? '' });
      const order = new Map(
        suite.cases
          .flatMap((c) => Array.from({ length: params.samples }, (_, s) => caseKey(c.id, s)))
          .map((k, i) => [k, i]),
      );
      for (const record of done) {
        const index = order.get(caseKey(record.id, record.sample));
        if (index !== undefined) await store.putCase(run.id, index, record);
      }
      return executeRun(run, {
        store,
        engine: watched,
        concurrency,
        signal: stop.signal,
        ...(executor ? { executor } : {}),
        onProgress: (p) => progress.onProgress(p),
        onToken: (_id, delta) => progress.onToken(delta),
        onCaseDone: (record) => progress.onCaseDone(record),
      });
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await engine.unload();
  }
  if (finished.status === 'error' || finished.report === null) {
    throw new Error(`the run failed: ${finished.error ?? 'no report'}`);
  }
  const report = finished.report;
  if (output === '-') out(JSON.stringify(report, null, 2));
  else await writeReportFile(output, report);
  if (output !== '-') {
    if (values.json) out(JSON.stringify(report, null, 2));
    else out(renderTextSummary(report));
  }
  if (finished.status === 'stopped' && serverGone !== null) {
    err(
      `${serverGone}\nstopped after ${report.cases.length} of ${suite.cases.length * params.samples} records; ` +
        (output === '-'
          ? 'the partial report is above'
          : `the partial report is in ${output}; continue with --resume ${output}`),
    );
    return RUN_EXIT.engineFailed;
  }
  if (finished.status === 'stopped') {
    err(
      `stopped after ${report.cases.length} of ${suite.cases.length * params.samples} records; ` +
        (output === '-'
          ? 'the partial report is above'
          : `the partial report is in ${output}; continue with --resume ${output}`),
    );
    return RUN_EXIT.interrupted;
  }
  if (output !== '-') err(`report written to ${output}`);
  if (report.cases.length > 0 && report.cases.every((r) => r.finishReason === 'error')) {
    err(`every case failed in the engine; the first said: ${report.cases[0]?.error ?? 'no message'}`);
    return RUN_EXIT.engineFailed;
  }
  const verdict = evaluateGates(report, gates);
  if (verdict.kind === 'error') throw new UsageError(`--baseline ${values.baseline}: ${verdict.reason}`);
  for (const note of verdict.notes) err(`gate passed: ${note}`);
  if (verdict.kind === 'fail') {
    for (const reason of verdict.reasons) err(`gate failed: ${reason}`);
    return RUN_EXIT.gateFailed;
  }
  return RUN_EXIT.ok;
}
