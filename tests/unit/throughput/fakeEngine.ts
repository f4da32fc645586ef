// A scripted Engine for the benchmark protocol: each call answers with the next scripted figures.
import type {
  Engine,
  EngineInfo,
  EngineMessage,
  EngineResult,
  FinishReason,
  GenerationParams,
  GenerationResult,
  UsageFigures,
} from '../../../src/core/engine.ts';

export interface ScriptedFigures {
  promptTokens?: number | null;
  completionTokens?: number | null;
  /** Ours. */
  ttftMs?: number | null;
  decodeTps?: number | null;
  e2eMs?: number | null;
  /** WebLLM's. */
  reportedPrefillTps?: number | null;
  reportedDecodeTps?: number | null;
  reportedTtftMs?: number | null;
  finishReason?: FinishReason;
}

const NONE: UsageFigures = {
  promptTokens: null,
  completionTokens: null,
  ttftMs: null,
  prefillTps: null,
  decodeTps: null,
  e2eMs: null,
};

export function generation(f: ScriptedFigures): GenerationResult {
  const promptTokens = f.promptTokens ?? null;
  const completionTokens = f.completionTokens ?? null;
  return {
    text: 'x',
    finishReason: f.finishReason ?? 'length',
    usage: {
      reported: {
        ...NONE,
        promptTokens,
        completionTokens,
        ttftMs: f.reportedTtftMs ?? null,
        prefillTps: f.reportedPrefillTps ?? null,
        decodeTps: f.reportedDecodeTps ?? null,
      },
      measured: {
        ...NONE,
        promptTokens,
        completionTokens,
        ttftMs: f.ttftMs ?? null,
        decodeTps: f.decodeTps ?? null,
        e2eMs: f.e2eMs ?? null,
      },
    },
  };
}

/** pp figures: ours `ours` t/s (from promptTokens / TTFT), WebLLM's `webllm` t/s. */
export function pp(ours: number, webllm: number | null, promptTokens = 517): ScriptedFigures {
  return {
    promptTokens,
    completionTokens: 1,
    ttftMs: (promptTokens / ours) * 1000,
    reportedPrefillTps: webllm,
  };
}

/** tg figures: ours and WebLLM's decode t/s, M completion tokens. */
export function tg(ours: number, webllm: number | null, completionTokens = 128): ScriptedFigures {
  return { promptTokens: 30, completionTokens, ttftMs: 20, decodeTps: ours, reportedDecodeTps: webllm };
}

/** Warm-up and calibration figures consistent with 10 tokens per repeat and 17 of template. */
export const WARMUP: ScriptedFigures = {
  promptTokens: 27,
  completionTokens: 8,
  ttftMs: 9000,
  decodeTps: 3,
  reportedDecodeTps: 3,
};
export const CALIBRATION: ScriptedFigures = { promptTokens: 97, completionTokens: 1, ttftMs: 100 };

export interface ScriptedEngine extends Engine {
  calls: { messages: EngineMessage[]; params: GenerationParams }[];
  aborts: number;
}

export type Answer = ScriptedFigures | EngineResult<GenerationResult> | Error;

/**
 * Answers call i with `answers[i]` (figures, a ready result, or an Error to throw), after
 * `beforeAnswer(i)` (e.g. to abort mid-call). Past the script: an error result.
 */
export function scriptedEngine(
  answers: Answer[],
  options: { info?: Partial<EngineInfo>; beforeAnswer?: (call: number, engine: ScriptedEngine) => void } = {},
): ScriptedEngine {
  const info: EngineInfo = {
    kind: 'webllm',
    version: '0.2.86',
    source: {
      kind: 'webllm',
      version: '0.2.86',
      model: { id: 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC', url: null, libUrl: null },
    },
    load: null,
    contextWindow: null,
    ...options.info,
  };
  let abortRequested = false;
  const engine: ScriptedEngine = {
    calls: [],
    aborts: 0,
    async load() {
      return { ok: true, value: info };
    },
    async generate({ messages, params }) {
      const call = engine.calls.length;
      engine.calls.push({ messages, params });
      abortRequested = false;
      options.beforeAnswer?.(call, engine);
      await Promise.resolve();
      const answer = answers[call];
      if (answer === undefined)
        return { ok: false, error: { name: 'OutOfScript', message: `no answer ${call}` } };
      if (answer instanceof Error) throw answer;
      if ('ok' in answer) return answer;
      const result = generation(answer);
      if (abortRequested) result.finishReason = 'abort';
      return { ok: true, value: result };
    },
    async abort() {
      engine.aborts += 1;
      abortRequested = true;
    },
    async unload() {},
    async info() {
      return info;
    },
  };
  return engine;
}

export const MODEL = {
  id: 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC',
  quantization: 'q4f16_1',
  sizeBytes: 275625000,
  sizeIsEstimate: true,
  params: 490000000,
  paramsLabel: '0.5B',
};
