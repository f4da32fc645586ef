// One Python worker seen from the page: started with a private MessageChannel port and, when the
// page is cross-origin isolated, a one-byte SharedArrayBuffer that Pyodide polls for interrupts.
import type { JobRequest } from '../protocol.ts';
import type { PythonRuntime, RuntimeDeath } from '../pooledExecutor.ts';
import type { PythonWorkerInit } from './workerMessages.ts';

/** Writing SIGINT (2) into the buffer makes Pyodide raise KeyboardInterrupt. */
const SIGINT = 2;

export class WorkerRuntime implements PythonRuntime {
  readonly died: Promise<RuntimeDeath>;
  #worker: Worker;
  #port: MessagePort;
  #interrupt: Uint8Array | undefined;
  #end: (death: RuntimeDeath) => void = () => undefined;
  #ended = false;

  constructor(worker: Worker, indexURL: string, memoryLimitMb: number) {
    this.#worker = worker;
    const channel = new MessageChannel();
    this.#port = channel.port1;
    const shared = globalThis.crossOriginIsolated ? new SharedArrayBuffer(1) : undefined;
    this.#interrupt = shared ? new Uint8Array(shared) : undefined;
    this.died = new Promise((resolve) => (this.#end = resolve));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#stop({ cause: 'crashed', detail: event.message || 'the Python worker failed' });
    });
    const init: PythonWorkerInit = {
      type: 'init',
      indexURL,
      interruptBuffer: shared,
      memoryLimitMb,
      port: channel.port2,
    };
    worker.postMessage(init, [channel.port2]);
  }

  #stop(death: RuntimeDeath): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#worker.terminate();
    this.#port.close();
    this.#end(death);
  }

  send(request: JobRequest): void {
    if (!this.#ended) this.#port.postMessage(request);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.#port.addEventListener('message', (event: MessageEvent<unknown>) => listener(event.data));
    this.#port.start();
  }

  interrupt(): boolean {
    if (!this.#interrupt || this.#ended) return false;
    Atomics.store(this.#interrupt, 0, SIGINT);
    return true;
  }

  clearInterrupt(): void {
    if (this.#interrupt) Atomics.store(this.#interrupt, 0, 0);
  }

  kill(detail: string): void {
    this.#stop({ cause: 'killed', detail });
  }
}
