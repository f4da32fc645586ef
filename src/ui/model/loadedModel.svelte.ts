// The loaded model, shared by every page: the start page or the run page loads it, runs and the
// throughput benchmark use it. Engine-neutral: it holds an `Engine` and the ref it loaded.
import type {
  Engine,
  EngineError,
  EngineInfo,
  LoadProgress,
  ModelRef,
  WebLlmModelRef,
} from '../../core/engine.ts';
import { foreignOrigins } from '../../engines/webllm/hostPolicy.ts';
import { createEndpointEngine } from '../../engines/endpoint/createEndpointEngine.ts';
import { webllmClient } from './webllmClient.ts';
import { webllmCache } from './webllmCache.svelte.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A load waiting for the user to confirm hosts outside the catalog's model hosts by name. */
export interface HostConfirmation {
  ref: WebLlmModelRef;
  origins: string[];
}

/**
 * How to talk to a server: its API key (kept here, in memory, for a retry: never stored, never in
 * a link, report or log) and whether reports may record the server's origin.
 */
export interface EndpointConnectOptions {
  apiKey: string;
  recordOrigin: boolean;
}

class LoadedModelState {
  #engine: Engine | null = null;
  #status = $state<LoadStatus>('idle');
  #progress = $state.raw<LoadProgress | null>(null);
  #error = $state.raw<EngineError | null>(null);
  #info = $state.raw<EngineInfo | null>(null);
  #model = $state.raw<ModelRef | null>(null);
  #confirmation = $state.raw<HostConfirmation | null>(null);
  #endpointOptions: EndpointConnectOptions = { apiKey: '', recordOrigin: false };

  get status(): LoadStatus {
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
  /** A custom model on hosts not confirmed yet: nothing is fetched until `trustAndLoad`. */
  get confirmation(): HostConfirmation | null {
    return this.#confirmation;
  }
  /** The engine with a loaded model; null until a load succeeded. */
  get engine(): Engine | null {
    return this.#status === 'ready' ? this.#engine : null;
  }

  #engineFor(ref: ModelRef): Engine {
    if (ref.engine === 'webllm') return webllmClient();
    const { apiKey, recordOrigin } = this.#endpointOptions;
    return createEndpointEngine({
      ...(apiKey === '' ? {} : { apiKey }),
      recordOrigin,
      pageOrigin: location.origin,
    });
  }

  /**
   * Loads a model. A server model takes `endpoint` (key and consent); without it, those of the
   * last server load are used (a retry). The server is one the user typed: no host confirmation.
   */
  async load(ref: ModelRef, endpoint?: EndpointConnectOptions): Promise<void> {
    if (endpoint !== undefined) this.#endpointOptions = { ...endpoint };
    this.#confirmation = null;
    if (ref.engine === 'webllm') {
      const trusted = webllmClient().trusted;
      const origins = foreignOrigins(ref).filter((origin) => !trusted.includes(origin));
      if (origins.length > 0) {
        // A link or a typed URL alone never reaches a foreign host: ask first, by name.
        this.#confirmation = { ref, origins };
        return;
      }
    }
    const engine = this.#engineFor(ref);
    if (ref.engine === 'webllm' && ref.kind === 'custom') webllmCache.remember(ref);
    this.#model = ref;
    this.#info = null;
    this.#progress = null;
    if (this.#engine !== null && this.#engine !== engine) await this.#engine.unload();
    this.#engine = engine;
    this.#status = 'loading';
    this.#error = null;
    const result = await engine.load(ref, (p) => {
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
    if (ref.engine === 'webllm') await webllmCache.refresh();
  }

  /** The user confirmed the hosts by name: remember them for this session and load. */
  trustAndLoad(): Promise<void> {
    const pending = this.#confirmation;
    if (!pending) return Promise.resolve();
    webllmClient().trust(pending.origins);
    return this.load(pending.ref);
  }

  declineHosts(): void {
    this.#confirmation = null;
  }

  /** Cancels a running WebLLM load (terminating its worker stops downloads at once). */
  cancel(): void {
    if (this.#model?.engine === 'webllm') webllmClient().cancelLoad();
  }

  async unload(): Promise<void> {
    await this.#engine?.unload();
    this.#status = 'idle';
    this.#info = null;
  }

  dismissError(): void {
    this.#error = null;
    if (this.#status === 'error') this.#status = 'idle';
  }
}

export const loadedModel = new LoadedModelState();
