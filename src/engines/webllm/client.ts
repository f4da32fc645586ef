// The page side of the WebLLM engine: starts the worker, talks to it with comlink, and
// implements the Engine contract. WebLLM is imported nowhere here (types come via protocol.ts),
// so the page bundle stays small and the library ships only in the worker chunk.
import { proxy } from 'comlink';
import type {
  Engine,
  EngineError,
  EngineInfo,
  EngineResult,
  GenerationRequest,
  GenerationResult,
  LoadProgress,
  ModelRef,
  WebLlmModelRef,
} from '../../core/engine.ts';
import type { GpuDeviceCheck } from '../../device/gpuDevice.ts';
import { WorkerClient, type WorkerDeath, type WorkerFactory } from '../../workers/workerClient.ts';
import { webllmVersion } from './models.ts';
import type { CacheInventory, WebLlmWorkerApi } from './protocol.ts';

export type { WorkerFactory } from '../../workers/workerClient.ts';

const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'webllm' });

const CANCELLED: EngineError = {
  name: 'LoadCancelled',
  message: 'The load was cancelled. Weight shards already downloaded stay cached; press Load to continue.',
};

function deathError(death: WorkerDeath): EngineError {
  switch (death.cause) {
    case 'terminated':
      return {
        name: 'WorkerStopped',
        message: 'The model worker was stopped (a load was cancelled or failed). Try again.',
      };
    case 'failed':
      return {
        name: 'WorkerFailed',
        message:
          'The model worker stopped (its script failed to load or crashed). Reload the page and try again.',
        detail: death.detail,
      };
    case 'unreachable':
      return { name: 'WorkerFailed', message: 'The model worker did not answer.', detail: death.detail };
  }
}

function failed<T>(death: WorkerDeath): EngineResult<T> {
  return { ok: false, error: deathError(death) };
}

const WRONG_ENGINE: EngineError = {
  name: 'WrongEngine',
  message: 'This model is not a WebLLM build: load it with the server engine.',
};

interface PendingLoad {
  runId: number;
  resolve(result: EngineResult<EngineInfo>): void;
}

function emptyInfo(): EngineInfo {
  return { kind: 'webllm', version: webllmVersion, source: null, load: null, contextWindow: null };
}

export class WebLlmEngine implements Engine {
  #worker: WorkerClient<WebLlmWorkerApi>;
  #pendingLoad: PendingLoad | undefined;
  #info: EngineInfo = emptyInfo();
  #trusted: string[] = [];

  constructor(factory: WorkerFactory = defaultWorkerFactory) {
    this.#worker = new WorkerClient(factory);
  }

  /** Stop the worker: cancels whatever it was doing and frees its GPU memory. */
  #terminate(): void {
    this.#worker.terminate();
    this.#info = emptyInfo();
  }

  /**
   * Origins outside the catalog's model hosts that the user confirmed by name this session. Sent
   * with every load and check; the worker refuses any other foreign host before a request.
   */
  trust(origins: readonly string[]): void {
    for (const origin of origins) if (!this.#trusted.includes(origin)) this.#trusted.push(origin);
  }

  get trusted(): readonly string[] {
    return this.#trusted;
  }

  get loading(): boolean {
    return this.#pendingLoad !== undefined;
  }

  load(model: ModelRef, onProgress: (p: LoadProgress) => void): Promise<EngineResult<EngineInfo>> {
    if (model.engine !== 'webllm') return Promise.resolve({ ok: false, error: WRONG_ENGINE });
    this.cancelLoad();
    const runId = this.#worker.nextRunId();
    return new Promise((resolve) => {
      this.#pendingLoad = { runId, resolve };
      const settle = (result: EngineResult<EngineInfo>): void => {
        // A cancelled or superseded load already resolved; its late result is dropped.
        if (this.#pendingLoad?.runId !== runId) return;
        this.#pendingLoad = undefined;
        if (result.ok) {
          this.#info = result.value;
        } else {
          // A fresh worker for the next attempt: no half-initialised engine or device left behind.
          this.#terminate();
        }
        resolve(result);
      };
      void this.#worker
        .call((api) => api.load(runId, model, proxy(onProgress), [...this.#trusted]), failed<EngineInfo>)
        .then(settle);
    });
  }

  /** Cancel a running load. Terminating the worker stops downloads and shader compilation at once. */
  cancelLoad(): void {
    const pending = this.#pendingLoad;
    if (!pending) return;
    this.#pendingLoad = undefined;
    this.#terminate();
    pending.resolve({ ok: false, error: CANCELLED });
  }

  async generate(
    request: GenerationRequest,
    onToken: (delta: string) => void,
  ): Promise<EngineResult<GenerationResult>> {
    const runId = this.#worker.nextRunId();
    const result = await this.#worker.call(
      (api) => api.generate(runId, request, proxy(onToken)),
      failed<GenerationResult>,
    );
    if (runId !== this.#worker.runId && result.ok) {
      return { ok: false, error: { name: 'Superseded', message: 'A newer request replaced this one.' } };
    }
    return result;
  }

  async abort(): Promise<void> {
    await this.#worker.callIfConnected((api) => api.abort(), undefined);
  }

  async unload(): Promise<void> {
    this.cancelLoad();
    await this.#worker.callIfConnected((api) => api.unload(), undefined);
    this.#info = emptyInfo();
  }

  async info(): Promise<EngineInfo> {
    return this.#info;
  }

  cachedModelIds(models: WebLlmModelRef[]): Promise<EngineResult<string[]>> {
    return this.#worker.call((api) => api.cachedModelIds(models), failed<string[]>);
  }

  cacheInventory(known: WebLlmModelRef[]): Promise<EngineResult<CacheInventory>> {
    return this.#worker.call((api) => api.cacheInventory(known), failed<CacheInventory>);
  }

  deleteCachedModel(model: WebLlmModelRef): Promise<EngineResult<void>> {
    return this.#worker.call((api) => api.deleteCachedModel(model), failed<void>);
  }

  deleteCachedFolder(baseUrl: string): Promise<EngineResult<void>> {
    return this.#worker.call((api) => api.deleteCachedFolder(baseUrl), failed<void>);
  }

  deleteAllCached(): Promise<EngineResult<void>> {
    return this.#worker.call((api) => api.deleteAllCached(), failed<void>);
  }

  checkCustomModel(model: WebLlmModelRef): Promise<EngineResult<void>> {
    return this.#worker.call((api) => api.checkCustomModel(model, [...this.#trusted]), failed<void>);
  }

  checkGpu(): Promise<GpuDeviceCheck | EngineError> {
    return this.#worker.call<GpuDeviceCheck | EngineError>((api) => api.checkGpu(), deathError);
  }

  dispose(): void {
    this.cancelLoad();
    this.#terminate();
  }
}
