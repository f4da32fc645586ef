// WebLLM's browser cache (weights, configs, libraries): which models are cached and how much they
// take, for the cache panel and the "cached" badges. WebLLM only: a server model has no cache here.
import type { EngineError, EngineResult, WebLlmModelRef } from '../../core/engine.ts';
import type { GpuDeviceCheck } from '../../device/gpuDevice.ts';
import { modelCatalog } from '../../engines/webllm/models.ts';
import type { CacheInventory, CachedModel } from '../../engines/webllm/protocol.ts';
import { webllmClient } from './webllmClient.ts';

const catalogRefs: WebLlmModelRef[] = modelCatalog.map((m) => ({
  engine: 'webllm',
  kind: 'catalog',
  modelId: m.id,
}));

class WebLlmCacheState {
  #cachedIds = $state.raw<ReadonlySet<string>>(new Set());
  #inventory = $state.raw<CacheInventory | null>(null);
  #error = $state.raw<EngineError | null>(null);
  #customModels = $state.raw<WebLlmModelRef[]>([]);

  get cachedIds(): ReadonlySet<string> {
    return this.#cachedIds;
  }
  get inventory(): CacheInventory | null {
    return this.#inventory;
  }
  get error(): EngineError | null {
    return this.#error;
  }

  /** A custom build loaded in this session: its files are then named in the cache panel. */
  remember(ref: WebLlmModelRef): void {
    if (!this.#customModels.some((m) => m.modelId === ref.modelId))
      this.#customModels = [...this.#customModels, ref];
  }

  #knownRefs(): WebLlmModelRef[] {
    return [...catalogRefs, ...this.#customModels];
  }

  /** Asks the worker which models are cached and how much space they take. */
  async refresh(): Promise<void> {
    const client = webllmClient();
    const [ids, inventory] = await Promise.all([
      client.cachedModelIds(this.#knownRefs()),
      client.cacheInventory(this.#knownRefs()),
    ]);
    this.#error = !ids.ok ? ids.error : !inventory.ok ? inventory.error : null;
    if (ids.ok) this.#cachedIds = new Set(ids.value);
    if (inventory.ok) this.#inventory = inventory.value;
  }

  async delete(entry: CachedModel): Promise<void> {
    const ref =
      entry.modelId === null ? undefined : this.#knownRefs().find((r) => r.modelId === entry.modelId);
    const result = ref
      ? await webllmClient().deleteCachedModel(ref)
      : await webllmClient().deleteCachedFolder(entry.baseUrl);
    this.#error = result.ok ? null : result.error;
    await this.refresh();
  }

  async deleteAll(): Promise<void> {
    const result = await webllmClient().deleteAllCached();
    this.#error = result.ok ? null : result.error;
    await this.refresh();
  }

  checkCustomModel(ref: WebLlmModelRef): Promise<EngineResult<void>> {
    return webllmClient().checkCustomModel(ref);
  }

  /** Creates a WebLLM-style WebGPU device inside the worker (diagnostics and tests). */
  checkGpu(): Promise<GpuDeviceCheck | EngineError> {
    return webllmClient().checkGpu();
  }
}

export const webllmCache = new WebLlmCacheState();
