import type {
  Engine,
  EngineInfo,
  EngineMessage,
  GenerationParams,
  GenerationResult,
} from '../core/engine.ts';
import { APP_VERSION } from '../core/version.ts';
import { generateWithLimits } from '../core/run/generateWithLimits.ts';
import { resultFlags, testFlags, type FlagThresholds } from './benchFlags.ts';
import {
  BENCH_SAMPLING,
  CALIBRATION_REPEATS,
  decodeParams,
  generationMessages,
  planPrompt,
  prefillParams,
  promptMessages,
  warmupParams,
} from './benchPrompt.ts';
import { benchSample, summarizeTest } from './benchSample.ts';
import {
  DEFAULT_GEN_TOKENS,
  DEFAULT_PROMPT_TOKENS,
  DEFAULT_REPETITIONS,
  DISAGREEMENT_THRESHOLD,
  LIMITS,
  PROMPT_SIZE_TOLERANCE,
  SPREAD_THRESHOLD,
} from './benchSettings.ts';
import { estimateBenchEta } from './estimateBenchEta.ts';
import { mergeLoadRecords } from './mergeLoadRecords.ts';
import {
  BENCH_SCHEMA_ID,
  type BenchModel,
  type BenchResult,
  type BenchSample,
  type DeviceBlock,
  type LoadRecords,
} from './schema.ts';

export type BenchPhase = 'warmup' | 'calibration' | 'pp' | 'tg' | 'done';

/** Where a benchmark is: step `step` of `total` (1-based; `total` of `total` when done). */
export interface BenchProgress {
  step: number;
  total: number;
  phase: BenchPhase;
  /** `pp512` / `tg128` during timed steps. */
  test: string | null;
  repetition: number | null;
  /** Seconds left; null while unknown (during the warm-up and calibration). */
  etaSeconds: number | null;
  elapsedMs: number;
  /** The last finished timed sample, for live figures. */
  last: BenchSample | null;
}

export interface BenchOptions {
  /** An engine with the model loaded. */
  engine: Engine;
  model: BenchModel;
  /** pp N; default 512. */
  promptTokens?: number;
  /** tg M; default 128. */
  genTokens?: number;
  /** R; default 5. */
  repetitions?: number;
  device: DeviceBlock | null;
  /** Load records kept for this device and model; the engine's last load is merged in. */
  knownLoads?: LoadRecords | null;
  /** The engine produces synthetic figures (the replay/synthetic engine). */
  synthetic?: boolean;
  signal?: AbortSignal;
  /** Per-generation limit: a generation over it fails the benchmark instead of hanging it (default 10 min). */
  generationTimeoutMs?: number;
  onProgress?: (progress: BenchProgress) => void;
  /** Clock (ms) and calendar; injectable for tests. */
  now?: () => number;
  date?: () => Date;
}

type Step =
  | { ok: true; generation: GenerationResult; durationMs: number }
  | { ok: false; status: 'aborted' | 'failed'; error: { name: string; message: string } };

const THRESHOLDS: FlagThresholds = {
  disagreement: DISAGREEMENT_THRESHOLD,
  spread: SPREAD_THRESHOLD,
  promptSize: PROMPT_SIZE_TOLERANCE,
};

function checkCount(name: string, value: number, limits: { min: number; max: number }): string | null {
  return Number.isInteger(value) && value >= limits.min && value <= limits.max
    ? null
    : `${name} must be a whole number from ${limits.min} to ${limits.max} (got ${value})`;
}

/** Longest a benchmark generation may take (a hung GPU must not hold the page forever). */
const DEFAULT_GENERATION_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Runs the benchmark protocol on a loaded engine, like llama-bench: one untimed warm-up
 * generation (WebLLM compiles its shaders on the first one), one untimed calibration of the
 * prompt size, then `pp N` (prefill of an about-N-token prompt, max_tokens 1) R times and `tg M`
 * (M tokens with ignore_eos) R times. Per test: median, mean, sample sd of tokens/s from our clock
 * and from WebLLM's figures, TTFT, and flags (see benchFlags.ts). Emits progress before every
 * step, stops at `signal` (calling `engine.abort()`), and never throws: an engine error, an
 * abort or bad settings end the result with status `failed` / `aborted`, keeping every sample
 * taken so far.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { engine, signal } = options;
  const now = options.now ?? (() => performance.now());
  const date = options.date ?? (() => new Date());
  const startedMs = now();
  const createdAt = date().toISOString();
  const promptTokens = options.promptTokens ?? DEFAULT_PROMPT_TOKENS;
  const genTokens = options.genTokens ?? DEFAULT_GEN_TOKENS;
  const repetitions = options.repetitions ?? DEFAULT_REPETITIONS;
  const synthetic = options.synthetic ?? false;
  const ppName = `pp${promptTokens}`;
  const tgName = `tg${genTokens}`;

  const result: BenchResult = {
    schema: BENCH_SCHEMA_ID,
    app: { name: 'tabeval', version: APP_VERSION },
    createdAt,
    status: 'complete',
    error: null,
    engine: { name: 'unknown', version: 'unknown', synthetic },
    model: options.model,
    settings: {
      promptTokens: Number.isFinite(promptTokens) && promptTokens >= 1 ? Math.floor(promptTokens) : 1,
      genTokens: Number.isFinite(genTokens) && genTokens >= 1 ? Math.floor(genTokens) : 1,
      repetitions: Number.isFinite(repetitions) && repetitions >= 1 ? Math.floor(repetitions) : 1,
      temperature: BENCH_SAMPLING.temperature,
      seed: BENCH_SAMPLING.seed,
      disagreementThreshold: DISAGREEMENT_THRESHOLD,
      spreadThreshold: SPREAD_THRESHOLD,
    },
    prompt: { repeats: 0, tokensPerRepeat: null, overheadTokens: null, calibrated: false },
    device: options.device,
    load: mergeLoadRecords(options.knownLoads ?? null, null, createdAt),
    untimed: [],
    tests: [],
    flags: [],
    totalMs: 0,
  };
  const ppSamples: BenchSample[] = [];
  const tgSamples: BenchSample[] = [];

  const finish = (status: BenchResult['status'], error: BenchResult['error']): BenchResult => {
    result.status = status;
    result.error = error;
    if (ppSamples.length > 0) result.tests.push(summarizeTest(ppName, 'pp', promptTokens, ppSamples));
    if (tgSamples.length > 0) result.tests.push(summarizeTest(tgName, 'tg', genTokens, tgSamples));
    result.flags = [
      ...resultFlags(options.device, synthetic),
      ...result.tests.flatMap((test) => testFlags(test, THRESHOLDS)),
    ];
    result.totalMs = Math.max(0, now() - startedMs);
    return result;
  };

  const invalid = [
    checkCount('pp N (prompt tokens)', promptTokens, LIMITS.promptTokens),
    checkCount('tg M (generated tokens)', genTokens, LIMITS.genTokens),
    checkCount('R (repetitions)', repetitions, LIMITS.repetitions),
  ].filter((m): m is string => m !== null);
  if (invalid.length > 0) return finish('failed', { name: 'InvalidSettings', message: invalid.join('; ') });

  const info: EngineInfo | null = await Promise.resolve()
    .then(() => engine.info())
    .catch(() => null);
  if (info) {
    result.engine = { name: info.kind, version: info.version, synthetic };
    result.load = mergeLoadRecords(options.knownLoads ?? null, info.load, createdAt);
  }

  const total = 2 + 2 * repetitions;
  let step = 0;
  let last: BenchSample | null = null;
  const predicted: { pp: number | null; tg: number | null } = { pp: null, tg: null };
  const progress = (phase: BenchPhase, test: string | null, repetition: number | null): void => {
    const etaSeconds =
      phase === 'warmup' || phase === 'calibration'
        ? null
        : phase === 'done'
          ? 0
          : estimateBenchEta({
              remaining: { pp: repetitions - ppSamples.length, tg: repetitions - tgSamples.length },
              done: { pp: ppSamples.map((s) => s.durationMs), tg: tgSamples.map((s) => s.durationMs) },
              predicted,
            });
    try {
      options.onProgress?.({
        step,
        total,
        phase,
        test,
        repetition,
        etaSeconds,
        elapsedMs: Math.max(0, now() - startedMs),
        last,
      });
    } catch {
      // A failing listener must not stop the benchmark.
    }
  };

  const aborted = (): Step => ({
    ok: false,
    status: 'aborted',
    error: { name: 'BenchAborted', message: `stopped after ${Math.max(0, step - 1)} of ${total} steps` },
  });

  const timeoutMs = options.generationTimeoutMs ?? DEFAULT_GENERATION_TIMEOUT_MS;
  const generate = async (messages: EngineMessage[], params: GenerationParams): Promise<Step> => {
    if (signal?.aborted) return aborted();
    const t0 = now();
    const limited = await generateWithLimits(
      engine,
      { messages, params, tools: [], caseId: 'bench', sample: 0 },
      () => undefined,
      { ...(signal ? { signal } : {}), timeoutMs },
    );
    const durationMs = Math.max(0, now() - t0);
    // A generation cut short by the stop button is not a sample.
    if (limited.kind === 'stopped' || signal?.aborted) return aborted();
    if (limited.kind === 'timeout') {
      return {
        ok: false,
        status: 'failed',
        error: {
          name: 'GenerationTimeout',
          message: `a generation took longer than ${limited.afterMs / 1000} s`,
        },
      };
    }
    const outcome = limited.result;
    if (!outcome.ok) return { ok: false, status: 'failed', error: outcome.error };
    const reason = outcome.value.finishReason;
    if (reason === 'abort' || reason === 'error') {
      return {
        ok: false,
        status: 'failed',
        error: { name: 'GenerationInterrupted', message: `the engine ended a generation with "${reason}"` },
      };
    }
    return { ok: true, generation: outcome.value, durationMs };
  };

  try {
    // Warm-up: compiles the shaders; also the one-repeat point of the prompt calibration.
    step = 1;
    progress('warmup', null, null);
    const warm = await generate(promptMessages(1), warmupParams());
    if (!warm.ok) return finish(warm.status, warm.error);
    result.untimed.push({
      phase: 'warmup',
      durationMs: warm.durationMs,
      finishReason: warm.generation.finishReason,
      usage: warm.generation.usage,
    });

    step = 2;
    progress('calibration', null, null);
    const calibration = await generate(promptMessages(CALIBRATION_REPEATS), prefillParams());
    if (!calibration.ok) return finish(calibration.status, calibration.error);
    result.untimed.push({
      phase: 'calibration',
      durationMs: calibration.durationMs,
      finishReason: calibration.generation.finishReason,
      usage: calibration.generation.usage,
    });
    const countOf = (g: GenerationResult): number | null =>
      g.usage.reported.promptTokens ?? g.usage.measured.promptTokens;
    const plan = planPrompt(promptTokens, countOf(warm.generation), countOf(calibration.generation));
    result.prompt = plan;

    // Predictions for the ETA until the first timed step of each kind has finished.
    const calUsage = calibration.generation.usage;
    const calTokens = countOf(calibration.generation);
    const calMs = calUsage.measured.ttftMs ?? calUsage.measured.e2eMs ?? calibration.durationMs;
    if (calTokens !== null && calTokens > 0 && calMs > 0) {
      predicted.pp = (promptTokens / calTokens) * calibration.durationMs;
    }
    const warmUsage = warm.generation.usage;
    const decodeTps = warmUsage.measured.decodeTps ?? warmUsage.reported.decodeTps;
    if (decodeTps !== null && decodeTps > 0) {
      predicted.tg = (warmUsage.measured.ttftMs ?? calMs) + (genTokens / decodeTps) * 1000;
    }

    const ppMessages = promptMessages(plan.repeats);
    for (let r = 1; r <= repetitions; r += 1) {
      step += 1;
      progress('pp', ppName, r);
      const s = await generate(ppMessages, prefillParams());
      if (!s.ok) return finish(s.status, s.error);
      last = benchSample('pp', r, s.generation, s.durationMs);
      ppSamples.push(last);
    }
    const tgMessages = generationMessages();
    for (let r = 1; r <= repetitions; r += 1) {
      step += 1;
      progress('tg', tgName, r);
      const s = await generate(tgMessages, decodeParams(genTokens));
      if (!s.ok) return finish(s.status, s.error);
      last = benchSample('tg', r, s.generation, s.durationMs);
      tgSamples.push(last);
    }
    step = total;
    progress('done', null, null);
    return finish('complete', null);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return finish('failed', { name: 'BenchFailed', message });
  }
}
