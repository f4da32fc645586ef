// The page side of the WebLLM engine: starts the worker, talks to it with comlink, and
// implements the Engine contract. WebLLM is imported nowhere here (types come via protocol.ts),
// so the page bundle stays small and the library ships only in the worker chunk.
import { proxy, wrap, type Remote } from 'comlink';
import type {
  Engine,
  EngineError,
  EngineInfo,
  EngineMessage,
  EngineResult,
  GenerationParams,
  GenerationResult,
  LoadProgress,
  ModelRef,
} from '../../core/engine.ts';
import type { GpuDeviceCheck } from '../../device/gpuDevice.ts';
import { webllmVersion } from './models.ts';
import type { CacheInventory, WebLlmWorkerApi } from './protocol.ts';

export type WorkerFactory = () => Worker;

const defaultWorkerFactory: WorkerFactory = () =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'webllm' });

const CANCELLED: EngineError = {
  name: 'LoadCancelled',
  message: 'The load was cancelled. Weight shards already downloaded stay cached; press Load to continue.',
};

const STOPPED: EngineError = {
  name: 'WorkerStopped',
  message: 'The model worker was stopped (a load was cancelled or failed). Try again.',
};

interface Connection {
  worker: Worker;
  api: Remote<WebLlmWorkerApi>;
  /** Settles when the worker fails or is stopped: every pending call then ends. */
  died: Promise<EngineError>;
  stop(error: EngineError): void;
}

interface PendingLoad {
  runId: number;
  resolve(result: EngineResult<EngineInfo>): void;
}

function emptyInfo(): EngineInfo {
  return {
    engine: 'webllm',
    engineVersion: webllmVersion,
    modelId: null,
    modelUrl: null,
    modelLibUrl: null,
    load: null,
  };
}

export class WebLlmEngine implements Engine {
  #factory: WorkerFactory;
  #connection: Connection | undefined;
  #runId = 0;
  #pendingLoad: PendingLoad | undefined;
  #info: EngineInfo = emptyInfo();

  constructor(factory: WorkerFactory = defaultWorkerFactory) {
    this.#factory = factory;
  }

  #connect(): Connection {
    if (this.#connection) return this.#connection;
    const worker = this.#factory();
    let stop: (error: EngineError) => void = () => undefined;
    const died = new Promise<EngineError>((resolve) => {
      stop = resolve;
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        // The next call starts a fresh worker.
        worker.terminate();
        if (this.#connection?.worker === worker) this.#connection = undefined;
        resolve({
          name: 'WorkerFailed',
          message:
            'The model worker stopped (its script failed to load or crashed). Reload the page and try again.',
          detail: event.message || 'worker error event',
        });
      });
    });
    this.#connection = { worker, api: wrap<WebLlmWorkerApi>(worker), died, stop };
    return this.#connection;
  }

  /** Stop the worker: cancels whatever it was doing and frees its GPU memory. */
  #terminate(): void {
    this.#connection?.worker.terminate();
    this.#connection?.stop(STOPPED);
    this.#connection = undefined;
    this.#info = emptyInfo();
  }

  async #call<T>(
    run: (api: Remote<WebLlmWorkerApi>) => Promise<T>,
    onDeath: (e: EngineError) => T,
  ): Promise<T> {
    try {
      const { api, died } = this.#connect();
      return await Promise.race([run(api), died.then(onDeath)]);
    } catch (err) {
      return onDeath({
        name: 'WorkerFailed',
        message: 'The model worker did not answer.',
        detail: String(err),
      });
    }
  }

  get loading(): boolean {
    return this.#pendingLoad !== undefined;
  }

  load(model: ModelRef, onProgress: (p: LoadProgress) => void): Promise<EngineResult<EngineInfo>> {
    this.cancelLoad();
    const runId = ++this.#runId;
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
      void this.#call(
        (api) => api.load(runId, model, proxy(onProgress)),
        (error): EngineResult<EngineInfo> => ({ ok: false, error }),
      ).then(settle);
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
    messages: EngineMessage[],
    params: GenerationParams,
    onToken: (delta: string) => void,
  ): Promise<EngineResult<GenerationResult>> {
    const runId = ++this.#runId;
    const result = await this.#call(
      (api) => api.generate(runId, messages, params, proxy(onToken)),
      (error): EngineResult<GenerationResult> => ({ ok: false, error }),
    );
    if (runId !== this.#runId && result.ok) {
      return { ok: false, error: { name: 'Superseded', message: 'A newer request replaced this one.' } };
    }
    return result;
  }

  async abort(): Promise<void> {
    if (!this.#connection) return;
    await this.#call(
      (api) => api.abort(),
      () => undefined,
    );
  }

  async unload(): Promise<void> {
    this.cancelLoad();
    if (!this.#connection) return;
    await this.#call(
      (api) => api.unload(),
      () => undefined,
    );
    this.#info = emptyInfo();
  }

  async info(): Promise<EngineInfo> {
    return this.#info;
  }

  cachedModelIds(models: ModelRef[]): Promise<EngineResult<string[]>> {
    return this.#call(
      (api) => api.cachedModelIds(models),
      (error): EngineResult<string[]> => ({ ok: false, error }),
    );
  }

  cacheInventory(known: ModelRef[]): Promise<EngineResult<CacheInventory>> {
    return this.#call(
      (api) => api.cacheInventory(known),
      (error): EngineResult<CacheInventory> => ({ ok: false, error }),
    );
  }

  deleteCachedModel(model: ModelRef): Promise<EngineResult<void>> {
    return this.#call(
      (api) => api.deleteCachedModel(model),
      (error): EngineResult<void> => ({ ok: false, error }),
    );
  }

  deleteCachedFolder(baseUrl: string): Promise<EngineResult<void>> {
    return this.#call(
      (api) => api.deleteCachedFolder(baseUrl),
      (error): EngineResult<void> => ({ ok: false, error }),
    );
  }

  deleteAllCached(): Promise<EngineResult<void>> {
    return this.#call(
      (api) => api.deleteAllCached(),
      (error): EngineResult<void> => ({ ok: false, error }),
    );
  }

  checkCustomModel(model: ModelRef): Promise<EngineResult<void>> {
    return this.#call(
      (api) => api.checkCustomModel(model),
      (error): EngineResult<void> => ({ ok: false, error }),
    );
  }

  checkGpu(): Promise<GpuDeviceCheck | EngineError> {
    return this.#call<GpuDeviceCheck | EngineError>(
      (api) => api.checkGpu(),
      (error) => error,
    );
  }

  dispose(): void {
    this.cancelLoad();
    this.#terminate();
  }
}
