// The page side of a module worker spoken to with comlink: one connection at a time, started on
// first use; every call races the worker's death, so a crashed or terminated worker ends each
// pending call with an error value instead of leaving it hanging. Used by the WebLLM engine and the
// Python sandbox alike.
import { wrap, type Remote } from 'comlink';

/** Why a worker stopped answering, as a value for the caller to turn into its own error. */
export interface WorkerDeath {
  /** `failed`: the script failed to load or crashed; `terminated`: stopped on purpose. */
  cause: 'failed' | 'terminated' | 'unreachable';
  /** The browser's message, verbatim, for bug reports. */
  detail: string;
}

export type WorkerFactory = () => Worker;

interface Connection<TApi> {
  worker: Worker;
  api: Remote<TApi>;
  died: Promise<WorkerDeath>;
  stop(death: WorkerDeath): void;
}

/**
 * A lazily connected comlink worker. `call` runs a remote call and returns `onDeath(death)` if the
 * worker dies first; the next call starts a fresh worker. `terminate` stops the worker at once
 * (cancelling whatever it did, freeing its memory) and ends pending calls as `terminated`.
 */
export class WorkerClient<TApi> {
  #factory: WorkerFactory;
  #connection: Connection<TApi> | undefined;
  #runId = 0;

  constructor(factory: WorkerFactory) {
    this.#factory = factory;
  }

  /** Whether a worker is running now. */
  get connected(): boolean {
    return this.#connection !== undefined;
  }

  /** A new request id: results of an older one can be recognised as superseded. */
  nextRunId(): number {
    this.#runId += 1;
    return this.#runId;
  }

  /** The id of the latest request. */
  get runId(): number {
    return this.#runId;
  }

  #connect(): Connection<TApi> {
    if (this.#connection) return this.#connection;
    const worker = this.#factory();
    let stop: (death: WorkerDeath) => void = () => undefined;
    const died = new Promise<WorkerDeath>((resolve) => {
      stop = resolve;
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        worker.terminate();
        if (this.#connection?.worker === worker) this.#connection = undefined;
        resolve({ cause: 'failed', detail: event.message || 'worker error event' });
      });
    });
    this.#connection = { worker, api: wrap<TApi>(worker), died, stop };
    return this.#connection;
  }

  /** Runs `run` against the worker; `onDeath` gives the result when the worker dies first. Never rejects. */
  async call<T>(run: (api: Remote<TApi>) => Promise<T>, onDeath: (death: WorkerDeath) => T): Promise<T> {
    try {
      const { api, died } = this.#connect();
      return await Promise.race([run(api), died.then(onDeath)]);
    } catch (err) {
      return onDeath({ cause: 'unreachable', detail: String(err) });
    }
  }

  /** Calls only a running worker (e.g. an abort): resolves `idle` without starting one. */
  async callIfConnected<T>(run: (api: Remote<TApi>) => Promise<T>, idle: T): Promise<T> {
    if (!this.#connection) return idle;
    return this.call(run, () => idle);
  }

  /** Stops the worker now; pending calls end through their `onDeath`. */
  terminate(detail = 'the worker was stopped'): void {
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.worker.terminate();
    connection?.stop({ cause: 'terminated', detail });
  }
}
