// The Engine interface (types only). Implementations: WebLLM in a Web Worker (engines/webllm), an
// OpenAI-compatible server (engines/endpoint), Replay (re-serves the outputs recorded in a report)
// and a synthetic engine for trying the benchmark. The figures an engine returns are the report's
// own types (core/report/schema.ts): one definition.
import type {
  FinishReason,
  GenerationParams,
  GenerationUsage,
  ReportSource,
  ReportTimings,
} from './report/schema.ts';
import type { ToolDefinition } from './suite/types.ts';

export type { FinishReason, GenerationParams, GenerationUsage, UsageFigures } from './report/schema.ts';

/** A chat message sent to an engine. */
export interface EngineMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

/** One generation to run. */
export interface GenerationRequest {
  messages: EngineMessage[];
  params: GenerationParams;
  /**
   * The tools the case offers: in the prompt already; also given to engines that constrain
   * decoding to each tool's schema (`constrained`) or pass them to the server (`native`).
   */
  tools: readonly ToolDefinition[];
  /**
   * Which case and sample this generation is for. The replay engine serves a recorded output by
   * it; live engines ignore it.
   */
  caseId: string;
  sample: number;
}

export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  usage: GenerationUsage;
}

/** What a model load reports while it runs. */
export interface LoadProgress {
  phase: 'fetch' | 'compile' | 'ready';
  /**
   * Finer step: "prepare" (config and library), "download" (weight shards into the cache),
   * "gpu-upload" (shards from the cache onto the GPU), "shaders" (shader compilation), "done".
   */
  stage?: 'prepare' | 'download' | 'gpu-upload' | 'shaders' | 'done';
  /** 0..1 within the phase. */
  fraction: number;
  /** The engine's own progress text, shown verbatim (as text, never HTML). */
  text: string;
  /** Fetch phase: shards, bytes and ETA when known. */
  shard?: { index: number; count: number };
  bytesDone?: number;
  bytesTotal?: number;
  etaSeconds?: number;
  elapsedSeconds: number;
}

/** A WebLLM build: a catalog id, or a custom MLC build at absolute URLs. */
export type WebLlmModelRef =
  | { engine: 'webllm'; kind: 'catalog'; modelId: string }
  | { engine: 'webllm'; kind: 'custom'; modelId: string; modelUrl: string; modelLibUrl: string };

/** A model behind an OpenAI-compatible server. The API key is never part of a ref (refs are stored). */
export interface EndpointModelRef {
  engine: 'endpoint';
  /** The API base, e.g. `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  /** The model name the server knows. */
  model: string;
}

/** A model to load, for one kind of engine. */
export type ModelRef = WebLlmModelRef | EndpointModelRef;

/** Errors a user can act on, as values. `name` is stable (e.g. "ShaderF16Unsupported"); `message` says what to do. */
export interface EngineError {
  name: string;
  message: string;
  /** The URL that failed, when a fetch failed. */
  url?: string;
  /** HTTP status of that URL, when it answered. */
  status?: number;
  /** The underlying error text, verbatim, for bug reports. */
  detail?: string;
  /** A follow-up the UI can offer (e.g. load the q4f32 build, a smaller model, retry). */
  suggestion?: { action: 'use-model' | 'retry' | 'free-storage' | 'change-browser'; modelId?: string };
}

export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/** How long a model load took: cold (downloaded) or warm (from the cache). */
export type LoadTiming = NonNullable<ReportTimings['load']>;

/**
 * What an engine says about itself: the report's `source` of the outputs it produces (null until
 * a model is loaded), its load time, and the context window of the loaded model when known.
 */
export interface EngineInfo {
  kind: 'webllm' | 'endpoint' | 'replay' | 'synthetic';
  /** The engine software's version (WebLLM's; the server's when it says; else `unknown`). */
  version: string;
  source: ReportSource | null;
  load: LoadTiming | null;
  /** Tokens of prompt plus output the loaded model takes; null when unknown. */
  contextWindow: number | null;
}

/**
 * The engine contract used by the runner and the throughput benchmark. Implementations never
 * throw across it for user-fixable causes; they return `{ ok: false, error }`.
 */
export interface Engine {
  load(model: ModelRef, onProgress: (p: LoadProgress) => void): Promise<EngineResult<EngineInfo>>;
  /**
   * Runs one generation. `signal`, when the engine honours it (`stopsEachBySignal`), stops this
   * generation alone — it then resolves with finish reason `abort` — while others keep running.
   */
  generate(
    request: GenerationRequest,
    onToken: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<EngineResult<GenerationResult>>;
  /**
   * True when `generate`'s signal stops one generation and several may run at once (a server);
   * otherwise one generation runs at a time and `abort()` stops it.
   */
  readonly stopsEachBySignal?: boolean;
  /** Stops every running generation. */
  abort(): Promise<void>;
  unload(): Promise<void>;
  info(): Promise<EngineInfo>;
  /**
   * The prompt tokens a request would take in the loaded model (its chat template applied), when
   * the engine can count them without generating; null when it cannot. With the context window
   * from `info()`, the runner gives a case that cannot fit its verdict before generation.
   */
  countPromptTokens?(request: GenerationRequest): Promise<number | null>;
}
