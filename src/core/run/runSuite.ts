import type { Engine, EngineInfo, GenerationParams, GenerationResult, EngineResult } from '../engine.ts';
import type { Report, ReportCase } from '../report/schema.ts';
import { REPORT_SCHEMA_ID } from '../report/schema.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';
import { buildMessages } from '../suite/buildMessages.ts';
import { suiteHash } from '../suite/suiteHash.ts';
import { QWEN_TOOLS_TEMPLATE } from '../suite/buildSystemPrompt.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';
import { APP_VERSION } from '../version.ts';
import { buildCaseRecord, type CaseOutcome } from './buildCaseRecord.ts';
import { summarizeRun } from '../stats/summarizeRun.ts';

/** Progress of a run, emitted before each case and after it. */
export interface RunProgress {
  /** Cases finished so far (including resumed ones). */
  done: number;
  total: number;
  caseId: string | null;
  phase: 'case-start' | 'case-done';
}

export interface RunInput {
  suite: Suite;
  engine: Engine;
  params: GenerationParams;
  source: Report['source'];
  /** Recorded as-is in the report. */
  device?: Report['device'];
  /** Run only these case ids (a re-score of a partial report); others are skipped, not recorded. */
  only?: ReadonlySet<string>;
  /** Records of cases already finished (a resumed run); those cases are not run again. */
  done?: ReportCase[];
  /** Stops the run after aborting the current generation; that case is not recorded. */
  signal?: AbortSignal;
  /** Per-case limit; a case over it is recorded with error `timeout` and the run goes on. */
  caseTimeoutMs?: number;
  /** How long to wait for an aborted generation to settle before moving on (default 5 s). */
  abortGraceMs?: number;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
  onProgress?: (p: RunProgress) => void;
  onToken?: (caseId: string, delta: string) => void;
  /** Called with each finished case before the next starts (persist it here). */
  onCaseDone?: (record: ReportCase) => void | Promise<void>;
}

export interface RunOutput {
  report: Report;
  /** True when the signal stopped the run before every case was done. */
  stopped: boolean;
}

/**
 * Runs a suite on an engine: for each case not already done, builds the messages, generates,
 * scores with the shared parser and scorers, and records the case. One case's failure (engine
 * error, timeout) is recorded and the run goes on. Returns the report of what was run.
 */
export async function runSuite(input: RunInput): Promise<RunOutput> {
  const now = input.now ?? (() => Date.now());
  const startedAt = new Date().toISOString();
  const t0 = now();
  const doneById = new Map((input.done ?? []).map((r) => [r.id, r]));
  const records: ReportCase[] = [];
  let stopped = false;

  const cases = input.only ? input.suite.cases.filter((c) => input.only!.has(c.id)) : input.suite.cases;
  const total = cases.length;
  for (const c of cases) {
    const previous = doneById.get(c.id);
    if (previous) {
      records.push(previous);
      continue;
    }
    if (input.signal?.aborted) {
      stopped = true;
      break;
    }
    input.onProgress?.({ done: records.length, total, caseId: c.id, phase: 'case-start' });
    const outcome = await runCase(input, c, now);
    if (outcome === 'stopped') {
      stopped = true;
      break;
    }
    const record = await buildCaseRecord(input.suite, c, outcome);
    records.push(record);
    await input.onCaseDone?.(record);
    input.onProgress?.({ done: records.length, total, caseId: c.id, phase: 'case-done' });
  }

  const info = await input.engine.info();
  const report: Report = {
    schema: REPORT_SCHEMA_ID,
    app: { name: 'tabeval', version: APP_VERSION },
    createdAt: new Date().toISOString(),
    source: input.source,
    suite: {
      id: input.suite.id,
      version: input.suite.version,
      hash: await suiteHash(input.suite),
      content: input.suite,
    },
    model: modelBlock(info),
    engine: { name: info.engine, version: info.engineVersion },
    params: { ...input.params },
    promptTemplateHash: await sha256Hex(QWEN_TOOLS_TEMPLATE),
    toolCallMode: input.params.tool_call_mode ?? 'prompt',
    device: input.device ?? null,
    timings: { startedAt, finishedAt: new Date().toISOString(), totalMs: now() - t0, load: info.load },
    cases: records,
    summary: summarizeRun(records),
  };
  return { report, stopped };
}

function modelBlock(info: EngineInfo): Report['model'] {
  return info.modelId === null ? null : { id: info.modelId, url: info.modelUrl, libUrl: info.modelLibUrl };
}

/** Constrained mode needs each tool's schema; the report records the parameters as given. */
function generationParams(input: RunInput): GenerationParams {
  if (input.params.tool_call_mode !== 'constrained' || input.suite.tools.length === 0) return input.params;
  const tool_schemas = input.suite.tools.map((t) => ({ name: t.name, parameters: t.parameters }));
  return { ...input.params, tool_schemas };
}

async function runCase(input: RunInput, c: SuiteCase, now: () => number): Promise<CaseOutcome | 'stopped'> {
  const started = now();
  const generation = input.engine.generate(buildMessages(input.suite, c), generationParams(input), (delta) =>
    input.onToken?.(c.id, delta),
  );
  const result = await raceStopAndTimeout(generation, input);
  const durationMs = now() - started;
  if (result === 'stopped') return 'stopped';
  if (result === 'timeout') {
    return {
      output: null,
      error: `timeout after ${input.caseTimeoutMs} ms`,
      usage: null,
      finishReason: 'abort',
      durationMs,
    };
  }
  if (!result.ok) {
    return { output: null, error: result.error.message, usage: null, finishReason: 'error', durationMs };
  }
  const { text, usage, finishReason } = result.value;
  return { output: text, usage, finishReason, durationMs };
}

async function raceStopAndTimeout(
  generation: Promise<EngineResult<GenerationResult>>,
  input: RunInput,
): Promise<EngineResult<GenerationResult> | 'stopped' | 'timeout'> {
  const cleanups: (() => void)[] = [];
  const contenders: Promise<EngineResult<GenerationResult> | 'stopped' | 'timeout'>[] = [generation];
  const { signal, caseTimeoutMs } = input;
  if (signal) {
    contenders.push(
      new Promise((resolve) => {
        const onAbort = () => resolve('stopped');
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', onAbort));
      }),
    );
  }
  if (caseTimeoutMs !== undefined) {
    contenders.push(
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), caseTimeoutMs);
        cleanups.push(() => clearTimeout(timer));
      }),
    );
  }
  try {
    const winner = await Promise.race(contenders);
    if (winner === 'stopped' || winner === 'timeout') {
      await input.engine.abort();
      // Let the aborted generation settle so its tokens cannot stream into the next case, but
      // never wait forever on an engine that does not answer.
      await Promise.race([
        generation.catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, input.abortGraceMs ?? 5000)),
      ]);
    }
    return winner;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}
