// The tab's executor: Python runs in its own module worker (never the page, never the WebLLM
// worker), Pyodide loaded from the site's own versioned folder. A loop is interrupted through the
// SharedArrayBuffer when the page is cross-origin isolated; otherwise, and for code that ignores
// interrupts (C loops, time.sleep), the worker is terminated and a pre-warmed spare takes over.
//
// Not built on workers/WorkerClient: the sandbox talks over a private MessagePort handed to the
// worker before untrusted code runs (the worker's global postMessage is deleted), keeps a spare
// worker warm, and owns an interrupt buffer per worker — none of which WorkerClient models.
import type { ExecutorInfo } from '../../core/execution/schema.ts';
import { DEFAULT_MEMORY_LIMIT_MB } from '../memoryCap.ts';
import { PooledExecutor } from '../pooledExecutor.ts';
import { PYODIDE_FOLDER } from './siteHeaders.ts';
import { WorkerRuntime } from './workerRuntime.ts';

export interface BrowserExecutorOptions {
  /** Absolute URL of Pyodide's folder; default `pyodide/314.0.7/` under the page's base URL. */
  indexURL?: string;
  /** Ceiling of the interpreter's WebAssembly memory, in MiB (default 1024). */
  memoryLimitMb?: number;
  /** Time after the limit (and the interrupt) before the worker is terminated (default 1000 ms). */
  graceMs?: number;
  /** Keep a pre-warmed spare worker (default true). */
  spare?: boolean;
}

const INFO: ExecutorInfo = { runtime: 'pyodide', version: '314.0.7', sandbox: 'browser-worker' };

function startWorker(): Worker {
  return new Worker(new URL('./pythonWorker.ts', import.meta.url), {
    type: 'module',
    name: 'tabeval-python',
  });
}

/** An `Executor` for the tab. Workers start on `ready()` or the first `execute`. */
export class BrowserPythonExecutor extends PooledExecutor {
  constructor(options: BrowserExecutorOptions = {}) {
    const indexURL = options.indexURL ?? new URL(PYODIDE_FOLDER, document.baseURI).href;
    const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
    super(INFO, () => new WorkerRuntime(startWorker(), indexURL, memoryLimitMb), {
      graceMs: options.graceMs ?? 1000,
      spare: options.spare ?? true,
    });
  }

  /** Whether runaway loops can be interrupted in place (the page is cross-origin isolated). */
  get canInterrupt(): boolean {
    return globalThis.crossOriginIsolated === true;
  }
}
