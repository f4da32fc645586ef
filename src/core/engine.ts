// The Engine interface (types only). Implementations: WebLLM in a Web Worker (engines/webllm),
// Replay (re-serves the outputs recorded in a report).

/** A chat message sent to an engine. */
export interface EngineMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

/** Sampling and generation parameters; every one is recorded in reports. */
export interface GenerationParams {
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed: number;
  stop?: string[];
  /** Benchmark use: keep generating past the end-of-sequence token. */
  ignore_eos?: boolean;
  /** "prompt": calls parsed from text; "constrained": WebLLM structural_tag on <tool_call>. */
  tool_call_mode?: 'prompt' | 'constrained';
  /** JSON schemas per tool, used only in constrained mode. */
  tool_schemas?: { name: string; parameters: Record<string, unknown> }[];
}

/** Throughput and latency of one generation. `null` where the source does not report the figure. */
export interface UsageFigures {
  promptTokens: number | null;
  completionTokens: number | null;
  ttftMs: number | null;
  prefillTps: number | null;
  decodeTps: number | null;
  e2eMs: number | null;
}

export interface GenerationUsage {
  /** As WebLLM reports them (usage.extra). */
  reported: UsageFigures;
  /** As measured by us around the call (first streamed token, last token, wall clock). */
  measured: UsageFigures;
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'error' | 'tool_calls';

export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  usage: GenerationUsage;
}

/** What a model load reports while it runs. */
export interface LoadProgress {
  phase: 'fetch' | 'compile' | 'ready';
  /**
   * Finer step (optional, added with the WebLLM engine): "prepare" (config and library),
   * "download" (weight shards into the cache), "gpu-upload" (shards from the cache onto the GPU),
   * "shaders" (shader compilation), "done".
   */
  stage?: 'prepare' | 'download' | 'gpu-upload' | 'shaders' | 'done';
  /** 0..1 within the phase. */
  fraction: number;
  /** WebLLM's own progress text, shown verbatim (as text, never HTML). */
  text: string;
  /** Fetch phase: shards, bytes and ETA when known. */
  shard?: { index: number; count: number };
  bytesDone?: number;
  bytesTotal?: number;
  etaSeconds?: number;
  elapsedSeconds: number;
}

/** A model to load: a catalog id, or a custom MLC build at absolute URLs. */
export type ModelRef =
  | { kind: 'catalog'; modelId: string }
  | { kind: 'custom'; modelId: string; modelUrl: string; modelLibUrl: string };

/** Errors a user can act on, as values. `name` is stable (e.g. "ShaderF16Unsupported"); `message` says what to do. */
export interface EngineError {
  name: string;
  message: string;
  /** The URL that failed, when a fetch failed. */
  url?: string;
  /** HTTP status of that URL, when it answered (optional, added with the WebLLM engine). */
  status?: number;
  /** The underlying error text, verbatim, for bug reports (optional, added with the WebLLM engine). */
  detail?: string;
  /** A follow-up the UI can offer (e.g. load the q4f32 build, a smaller model, retry). */
  suggestion?: { action: 'use-model' | 'retry' | 'free-storage' | 'change-browser'; modelId?: string };
}

export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/** Engine facts recorded in reports. */
export interface EngineInfo {
  engine: 'webllm' | 'replay';
  engineVersion: string;
  modelId: string | null;
  modelUrl: string | null;
  modelLibUrl: string | null;
  /** Load time: cold (downloaded) or warm (from cache). */
  load: { ms: number; fromCache: boolean; bytesDownloaded: number | null } | null;
}

/**
 * The engine contract used by the runner and the benchmark. Implementations never throw across
 * it for user-fixable causes; they return `{ ok: false, error }`.
 */
export interface Engine {
  load(model: ModelRef, onProgress: (p: LoadProgress) => void): Promise<EngineResult<EngineInfo>>;
  generate(
    messages: EngineMessage[],
    params: GenerationParams,
    onToken: (delta: string) => void,
  ): Promise<EngineResult<GenerationResult>>;
  abort(): Promise<void>;
  unload(): Promise<void>;
  info(): Promise<EngineInfo>;
}
