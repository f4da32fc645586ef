// The loaded model, shared by every page: the start page loads it, the run page uses it.
// Owns the WebLLM client (and so the worker) for the whole session.
import type { Engine, EngineError, EngineInfo, LoadProgress, ModelRef } from '../../core/engine.ts';
import type { GpuDeviceCheck } from '../../device/gpuDevice.ts';
import { WebLlmEngine } from '../../engines/webllm/client.ts';
import { modelCatalog } from '../../engines/webllm/models.ts';
import type { CacheInventory, CachedModel } from '../../engines/webllm/protocol.ts';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

const catalogRefs: ModelRef[] = modelCatalog.map((m) => ({ kind: 'catalog', modelId: m.id }));

class ModelEngineState {
  #client: WebLlmEngine | undefined;
  #status = $state<EngineStatus>('idle');
  #progress = $state.raw<LoadProgress | null>(null);
  #error = $state.raw<EngineError | null>(null);
  #info = $state.raw<EngineInfo | null>(null);
  #model = $state.raw<ModelRef | null>(null);
  #cachedIds = $state.raw<ReadonlySet<string>>(new Set());
  #inventory = $state.raw<CacheInventory | null>(null);
  #cacheError = $state.raw<EngineError | null>(null);
  #customModels = $state.raw<ModelRef[]>([]);

  get #engineClient(): WebLlmEngine {
    this.#client ??= new WebLlmEngine();
    return this.#client;
  }

  get status(): EngineStatus {
    return this.#status;
  }
  get progress(): LoadProgress | null {
    return this.#progress;
  }
  get error(): EngineError | null {
    return this.#error;
  }
  get info(): EngineInfo | null {
    return this.#info;
  }
  /** The model of the current or last load. */
  get model(): ModelRef | null {
    return this.#model;
  }
  get cachedIds(): ReadonlySet<string> {
    return this.#cachedIds;
  }
  get inventory(): CacheInventory | null {
    return this.#inventory;
  }
  get cacheError(): EngineError | null {
    return this.#cacheError;
  }

  /** The engine with a loaded model, for the run page; null until a load succeeded. */
  get engine(): Engine | null {
    return this.#status === 'ready' ? this.#engineClient : null;
  }

  #knownRefs(): ModelRef[] {
    return [...catalogRefs, ...this.#customModels];
  }

  async load(ref: ModelRef): Promise<void> {
    if (ref.kind === 'custom' && !this.#customModels.some((m) => m.modelId === ref.modelId)) {
      this.#customModels = [...this.#customModels, ref];
    }
    this.#model = ref;
    this.#status = 'loading';
    this.#error = null;
    this.#info = null;
    this.#progress = null;
    const result = await this.#engineClient.load(ref, (p) => {
      if (this.#model === ref) this.#progress = p;
    });
    if (this.#model !== ref) return; // a newer load took over
    if (result.ok) {
      this.#status = 'ready';
      this.#info = result.value;
    } else {
      this.#status = result.error.name === 'LoadCancelled' ? 'idle' : 'error';
      this.#error = result.error.name === 'LoadCancelled' ? null : result.error;
    }
    this.#progress = null;
    await this.refreshCache();
  }

  cancel(): void {
    this.#client?.cancelLoad();
  }

  async unload(): Promise<void> {
    await this.#client?.unload();
    this.#status = 'idle';
    this.#info = null;
  }

  dismissError(): void {
    this.#error = null;
    if (this.#status === 'error') this.#status = 'idle';
  }

  /** Ask the worker which models are cached and how much space they take. */
  async refreshCache(): Promise<void> {
    const client = this.#engineClient;
    const [ids, inventory] = await Promise.all([
      client.cachedModelIds(this.#knownRefs()),
      client.cacheInventory(this.#knownRefs()),
    ]);
    this.#cacheError = !ids.ok ? ids.error : !inventory.ok ? inventory.error : null;
    if (ids.ok) this.#cachedIds = new Set(ids.value);
    if (inventory.ok) this.#inventory = inventory.value;
  }

  async deleteCached(entry: CachedModel): Promise<void> {
    const ref =
      entry.modelId === null ? undefined : this.#knownRefs().find((r) => r.modelId === entry.modelId);
    const result = ref
      ? await this.#engineClient.deleteCachedModel(ref)
      : await this.#engineClient.deleteCachedFolder(entry.baseUrl);
    this.#cacheError = result.ok ? null : result.error;
    await this.refreshCache();
  }

  async deleteAllCached(): Promise<void> {
    const result = await this.#engineClient.deleteAllCached();
    this.#cacheError = result.ok ? null : result.error;
    await this.refreshCache();
  }

  checkCustomModel(ref: ModelRef): Promise<{ ok: true; value: void } | { ok: false; error: EngineError }> {
    return this.#engineClient.checkCustomModel(ref);
  }

  /** Create a WebLLM-style WebGPU device inside the worker (diagnostics and tests). */
  checkGpu(): Promise<GpuDeviceCheck | EngineError> {
    return this.#engineClient.checkGpu();
  }
}

export const modelEngine = new ModelEngineState();
