// The benchmark in progress (at most one per tab): runs the protocol, streams its progress, and
// keeps the result and the load times in this browser when it ends.
import type { Engine } from '../../core/engine.ts';
import { runBench, type BenchProgress } from '../../throughput/runBench.ts';
import type { BenchModel, BenchResult, DeviceBlock } from '../../throughput/schema.ts';
import { getLoadRecords, putLoadRecords, saveBenchResult } from '../../storage/benchDb.ts';

export type BenchStatus = 'idle' | 'running' | 'stopping' | 'done';

export interface BenchRequest {
  engine: Engine;
  model: BenchModel;
  promptTokens: number;
  genTokens: number;
  repetitions: number;
  device: DeviceBlock | null;
  synthetic: boolean;
}

class BenchController {
  #status = $state<BenchStatus>('idle');
  #progress = $state.raw<BenchProgress | null>(null);
  #result = $state.raw<BenchResult | null>(null);
  #storageError = $state<string | null>(null);
  #abort: AbortController | null = null;

  get status(): BenchStatus {
    return this.#status;
  }
  get progress(): BenchProgress | null {
    return this.#progress;
  }
  /** The last result (complete, aborted or failed); null before the first run. */
  get result(): BenchResult | null {
    return this.#result;
  }
  /** Set when the result could not be kept in IndexedDB (it is still shown and exportable). */
  get storageError(): string | null {
    return this.#storageError;
  }
  get running(): boolean {
    return this.#status === 'running' || this.#status === 'stopping';
  }

  async start(request: BenchRequest): Promise<void> {
    if (this.running) return;
    this.#status = 'running';
    this.#progress = null;
    this.#result = null;
    this.#storageError = null;
    const abort = new AbortController();
    this.#abort = abort;
    const knownLoads = await getLoadRecords(request.device, request.model.id).catch(() => null);
    const result = await runBench({
      ...request,
      knownLoads,
      signal: abort.signal,
      onProgress: (p) => (this.#progress = p),
    });
    this.#abort = null;
    this.#result = result;
    this.#status = 'done';
    try {
      await putLoadRecords(request.device, request.model.id, result.load);
      if (result.tests.length > 0) await saveBenchResult(result, 'run');
    } catch (e) {
      this.#storageError = `The result could not be kept in this browser (${e instanceof Error ? e.message : String(e)}); export it to keep it.`;
    }
  }

  stop(): void {
    if (this.#status !== 'running') return;
    this.#status = 'stopping';
    this.#abort?.abort();
  }
}

export const benchController = new BenchController();
