import type { Engine, EngineInfo, GenerationParams, GenerationRequest, GenerationResult } from '../engine.ts';
import { DEFAULT_SCORING, type Executor, type ScoringSettings } from '../execution/schema.ts';
import type { ScoringServices } from '../scoring/scorer.ts';
import type { DeviceBlock, Report, ReportCase, ReportSource } from '../report/schema.ts';
import { REPORT_SCHEMA_ID } from '../report/schema.ts';
import { DEFAULT_HEADLINE_RULE } from '../scoring/headline.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';
import { suiteHash } from '../suite/suiteHash.ts';
import { QWEN_TOOLS_TEMPLATE } from '../suite/buildSystemPrompt.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';
import { APP_VERSION } from '../version.ts';
import { summarizeRun } from '../stats/summarizeRun.ts';
import { buildCaseRecord, type CaseOutcome } from './buildCaseRecord.ts';
import { caseKey } from './caseKey.ts';
import { caseRequest, requestHash } from './caseRequest.ts';
import { generateWithLimits } from './generateWithLimits.ts';
import { promptTooLong } from './promptTooLong.ts';

/** Progress of a run, emitted before each case record and after it. */
export interface RunProgress {
  /** Case records finished so far (including resumed ones). */
  done: number;
  total: number;
  caseId: string | null;
  sample: number;
  phase: 'case-start' | 'case-done';
}

/**
 * The recorded run a replay re-scores: its report keeps these instead of describing the replay, and
 * gains `rescored`.
 */
export type RecordedProvenance = Pick<Report, 'app' | 'createdAt' | 'source' | 'device' | 'timings'>;

export interface RunInput {
  suite: Suite;
  engine: Engine;
  params: GenerationParams;
  /** Recorded as-is in the report. */
  device?: DeviceBlock | null;
  /** Set for a replay: the recording's identity, kept in the report (see {@link RecordedProvenance}). */
  recorded?: RecordedProvenance;
  /** Run only these case records (`caseKey(id, sample)`), e.g. those a partial report recorded. */
  only?: ReadonlySet<string>;
  /** Records already finished (a resumed run); those are not run again. */
  done?: readonly ReportCase[];
  /** Stops the run after aborting the current generation; that record is not kept. */
  signal?: AbortSignal;
  /** The Python sandbox for cases with an execution block (absent: those verdicts say `no_executor`). */
  executor?: Executor;
  /** pass@k's k values and the default execution time limit (default {@link DEFAULT_SCORING}). */
  scoring?: Omit<ScoringSettings, 'executor'>;
  /** Per-generation limit; a generation over it is recorded with error `timeout` and the run goes on. */
  caseTimeoutMs?: number;
  /**
   * Generations at once (default 1): for servers that batch. Records stay in suite order; with
   * more than one, a stop keeps every record that finished, which may leave gaps a resume fills.
   */
  concurrency?: number;
  /** How long to wait for an aborted generation to settle before moving on (default 5 s). */
  abortGraceMs?: number;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
  onProgress?: (p: RunProgress) => void;
  onToken?: (caseId: string, delta: string) => void;
  /** Called with each finished record, in run order, before the run moves past it (persist it here). */
  onCaseDone?: (record: ReportCase) => void | Promise<void>;
}

export interface RunOutput {
  report: Report;
  /** True when the signal stopped the run before every record was done. */
  stopped: boolean;
}

interface PlannedRecord {
  testCase: SuiteCase;
  sample: number;
  key: string;
}

/**
 * Runs a suite on an engine: for each case and sample not already done, builds the request,
 * generates, scores with the shared parser and scorers, and records it. Scoring a record overlaps
 * generating the next ones (scorers may be slow: code execution), and records are kept in run order.
 * One record's failure (engine error, timeout) is recorded and the run goes on. Returns the report
 * of what was run.
 */
export async function runSuite(input: RunInput): Promise<RunOutput> {
  const now = input.now ?? (() => Date.now());
  const startedAt = new Date().toISOString();
  const t0 = now();
  const scoringSettings = input.scoring ?? DEFAULT_SCORING;
  const services: ScoringServices = {
    execTimeoutMs: scoringSettings.execTimeoutMs,
    ...(input.executor ? { executor: input.executor } : {}),
  };
  const doneByKey = new Map((input.done ?? []).map((r) => [caseKey(r.id, r.sample), r]));
  const planned = planRecords(input.suite, input.params.samples, input.only);
  const records: ReportCase[] = [];
  const total = planned.length;
  let stopped = false;
  const keep = async (record: ReportCase, c: PlannedRecord): Promise<void> => {
    records.push(record);
    await input.onCaseDone?.(record);
    input.onProgress?.({
      done: records.length,
      total,
      caseId: c.testCase.id,
      sample: c.sample,
      phase: 'case-done',
    });
  };

  // Generations run `concurrency` at a time, taken in suite order; records are scored and kept in
  // suite order as their generations finish, so scoring a record overlaps the next generations.
  // Asked once: the context window of the loaded build, for the prompt-length check of each case.
  const contextWindow = planned.length > 0 ? (await input.engine.info()).contextWindow : null;
  const todo = planned.filter((c) => !doneByKey.has(c.key));
  const outcomes = new Map<string, Promise<CaseOutcome | 'stopped'>>();
  const settle = new Map<string, (outcome: Promise<CaseOutcome | 'stopped'> | 'stopped') => void>();
  for (const c of todo) outcomes.set(c.key, new Promise((resolve) => settle.set(c.key, resolve)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const c = todo[next]!;
      next += 1;
      if (input.signal?.aborted) {
        settle.get(c.key)!('stopped');
        continue;
      }
      input.onProgress?.({
        done: records.length,
        total,
        caseId: c.testCase.id,
        sample: c.sample,
        phase: 'case-start',
      });
      const outcome = runOne(input, c, now, contextWindow);
      settle.get(c.key)!(outcome);
      // A rejection is a bug: it reaches the caller through the loop below, not here.
      await outcome.catch(() => undefined);
    }
  };
  const wanted = Math.floor(input.concurrency ?? 1);
  const concurrency = Number.isFinite(wanted) && wanted > 1 ? Math.min(wanted, todo.length) : 1;
  const workers = Promise.all(Array.from({ length: concurrency }, () => worker()));

  let lastYield = Date.now();
  for (const c of planned) {
    const previous = doneByKey.get(c.key);
    if (previous) {
      records.push(previous);
      continue;
    }
    // Generations may run ahead of scoring (a replay's do): a stop also ends the scoring.
    if (input.signal?.aborted) {
      stopped = true;
      continue;
    }
    const outcome = await outcomes.get(c.key)!;
    if (outcome === 'stopped') {
      stopped = true;
      continue;
    }
    await keep(await buildCaseRecord(input.suite, c.testCase, outcome, services), c);
    // An engine that answers at once (a replay) would otherwise keep this loop in microtasks for
    // the whole run: no timer, message or signal (a Stop, Ctrl-C, a progress update) gets through.
    if (Date.now() - lastYield >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
  }
  await workers;

  const info = await input.engine.info();
  const headline = input.suite.headline ?? DEFAULT_HEADLINE_RULE;
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    app: input.recorded?.app ?? { name: 'tabeval', version: APP_VERSION },
    createdAt: input.recorded?.createdAt ?? startedAt,
    rescored: input.recorded ? { at: new Date().toISOString(), appVersion: APP_VERSION } : null,
    source: input.recorded?.source ?? sourceOf(info),
    suite: {
      id: input.suite.id,
      version: input.suite.version,
      hash: await suiteHash(input.suite),
      content: input.suite,
    },
    params: { ...input.params },
    promptTemplateHash: sha256Hex(QWEN_TOOLS_TEMPLATE),
    device: input.recorded ? input.recorded.device : (input.device ?? null),
    timings: input.recorded?.timings ?? {
      startedAt,
      finishedAt: new Date().toISOString(),
      totalMs: Math.max(0, now() - t0),
      load: info.load,
    },
    scoring: {
      passK: [...scoringSettings.passK],
      execTimeoutMs: scoringSettings.execTimeoutMs,
      executor: records.some((r) => r.verdicts.some((verdict) => verdict.execution !== undefined))
        ? (input.executor?.info ?? null)
        : null,
    },
    cases: records,
    summary: summarizeRun(records, { headline, passK: scoringSettings.passK }),
  };
  return { report, stopped };
}

/** Every case × sample of the suite, in suite order, filtered by `only`. */
function planRecords(suite: Suite, samples: number, only: ReadonlySet<string> | undefined): PlannedRecord[] {
  const planned: PlannedRecord[] = [];
  for (const testCase of suite.cases) {
    for (let sample = 0; sample < samples; sample += 1) {
      const key = caseKey(testCase.id, sample);
      if (only === undefined || only.has(key)) planned.push({ testCase, sample, key });
    }
  }
  return planned;
}

/** The report's `source` for outputs of an engine that has not said (nothing loaded, a bare replay). */
function sourceOf(info: EngineInfo): ReportSource {
  return info.source ?? { kind: 'outputs', model: null };
}

/** How long the runner works before it lets timers and messages through (a replay never waits). */
const YIELD_EVERY_MS = 25;

/**
 * Why a request cannot fit the loaded build, before it is generated: its prompt tokens (when the
 * engine can count them) plus max_tokens against the context window. Null when it fits or either
 * figure is unknown. A counting failure is not a verdict: the engine then decides.
 */
async function tooLongFor(
  input: RunInput,
  request: GenerationRequest,
  contextWindow: number | null,
): Promise<string | null> {
  if (contextWindow === null || input.engine.countPromptTokens === undefined) return null;
  const tokens = await input.engine.countPromptTokens(request).catch(() => null);
  return promptTooLong(tokens, request.params.max_tokens, contextWindow);
}

/**
 * For an engine that cannot count tokens up front (WebLLM): a generation that stopped at `length`
 * because the context window filled, not because it reached max_tokens, gets the same verdict
 * afterwards, with the partial output kept. Null otherwise.
 */
function windowFilled(
  input: RunInput,
  request: GenerationRequest,
  contextWindow: number | null,
  result: GenerationResult,
): string | null {
  if (contextWindow === null || input.engine.countPromptTokens !== undefined) return null;
  if (result.finishReason !== 'length') return null;
  const prompt = result.usage.reported.promptTokens ?? result.usage.measured.promptTokens;
  const completion = result.usage.reported.completionTokens ?? result.usage.measured.completionTokens;
  if (prompt === null || completion === null || prompt + completion < contextWindow) return null;
  const verdict = promptTooLong(prompt, request.params.max_tokens, contextWindow);
  return verdict === null ? null : `${verdict}; generation stopped when the context window filled`;
}

async function runOne(
  input: RunInput,
  c: PlannedRecord,
  now: () => number,
  contextWindow: number | null,
): Promise<CaseOutcome | 'stopped'> {
  const request = caseRequest(input.suite, c.testCase, input.params, c.sample);
  const messagesHash = requestHash(request);
  const tooLong = await tooLongFor(input, request, contextWindow);
  if (tooLong !== null) {
    return {
      sample: c.sample,
      messagesHash,
      durationMs: 0,
      output: null,
      error: tooLong,
      usage: null,
      finishReason: 'error',
    };
  }
  const started = now();
  const limited = await generateWithLimits(
    input.engine,
    request,
    (delta) => input.onToken?.(c.testCase.id, delta),
    {
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.caseTimeoutMs !== undefined ? { timeoutMs: input.caseTimeoutMs } : {}),
      ...(input.abortGraceMs !== undefined ? { abortGraceMs: input.abortGraceMs } : {}),
    },
  );
  const durationMs = Math.max(0, now() - started);
  const base = { sample: c.sample, messagesHash, durationMs };
  switch (limited.kind) {
    case 'stopped':
      return 'stopped';
    case 'timeout':
      return {
        ...base,
        output: null,
        error: `timeout after ${limited.afterMs} ms`,
        usage: null,
        finishReason: 'abort',
      };
    case 'done': {
      const { result } = limited;
      if (!result.ok)
        return { ...base, output: null, error: result.error.message, usage: null, finishReason: 'error' };
      const { text, usage, finishReason } = result.value;
      const filled = windowFilled(input, request, contextWindow, result.value);
      return { ...base, output: text, usage, finishReason, ...(filled === null ? {} : { error: filled }) };
    }
  }
}
