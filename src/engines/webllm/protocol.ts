// The API the WebLLM worker exposes with comlink. Types only: shared by worker and page.
// Every method resolves (never rejects) for user-fixable causes: results are EngineResult values.
import type {
  EngineInfo,
  EngineResult,
  GenerationRequest,
  GenerationResult,
  LoadProgress,
  WebLlmModelRef,
} from '../../core/engine.ts';
import type { GpuDeviceCheck } from '../../device/gpuDevice.ts';

/** One model's files in the browser cache. */
export interface CachedModel {
  /** null for files of a model this page does not know (another app, an old custom model). */
  modelId: string | null;
  /** The model folder URL the files live under (WebLLM's resolved "…/resolve/main/"). */
  baseUrl: string;
  files: number;
  bytes: number;
}

export interface CacheInventory {
  models: CachedModel[];
  /** Model libraries (.wasm), shared between models built from the same architecture. */
  libraries: { url: string; bytes: number }[];
  totalBytes: number;
}

export type ProgressSink = (progress: LoadProgress) => void;
export type TokenSink = (text: string) => void;

export interface WebLlmWorkerApi {
  /**
   * Load a model. Progress reports of a superseded run are not sent. `trusted`: the origins outside
   * the catalog's model hosts the user confirmed by name; a model on any other host is refused
   * (`UntrustedHost`) before a request is made.
   */
  load(
    runId: number,
    model: WebLlmModelRef,
    onProgress: ProgressSink,
    trusted?: readonly string[],
  ): Promise<EngineResult<EngineInfo>>;
  /** Stream a completion; `onTokens` receives batched deltas (about every 50 ms). */
  generate(
    runId: number,
    request: GenerationRequest,
    onTokens: TokenSink,
  ): Promise<EngineResult<GenerationResult>>;
  /** Stop the running generation (it resolves with finishReason "abort"). */
  abort(): Promise<void>;
  unload(): Promise<void>;
  info(): Promise<EngineInfo>;
  /** Which of `models` are fully in the cache (WebLLM's hasModelInCache). */
  cachedModelIds(models: WebLlmModelRef[]): Promise<EngineResult<string[]>>;
  cacheInventory(known: WebLlmModelRef[]): Promise<EngineResult<CacheInventory>>;
  /** Delete one model's weights, config and library (WebLLM's deleteModelAllInfoInCache). */
  deleteCachedModel(model: WebLlmModelRef): Promise<EngineResult<void>>;
  /** Delete the cached files under a model folder (for models the page does not know). */
  deleteCachedFolder(baseUrl: string): Promise<EngineResult<void>>;
  /** Delete every file WebLLM cached (all three caches). */
  deleteAllCached(): Promise<EngineResult<void>>;
  /** Check a custom model folder and library before loading it (same host rule as `load`). */
  checkCustomModel(model: WebLlmModelRef, trusted?: readonly string[]): Promise<EngineResult<void>>;
  /** Create a WebGPU device in the worker like WebLLM does, run a tiny compute pass. */
  checkGpu(): Promise<GpuDeviceCheck>;
}
