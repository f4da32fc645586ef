// The tab's one Python sandbox, started on first need: runs whose suite has cases with tests get
// it, others never load Pyodide. The module is imported lazily so the sandbox's code stays out of
// the start page's chunk.
import type { Executor } from '../../core/execution/schema.ts';

let sandbox: Promise<Executor> | null = null;

/** The sandbox, created on the first call (its workers start loading Pyodide at once). */
export function pythonSandbox(): Promise<Executor> {
  sandbox ??= import('../../exec/browser/BrowserPythonExecutor.ts').then((module) => {
    const executor = new module.BrowserPythonExecutor();
    void executor.ready().catch(() => {
      // A failed start is reported by the first execution as a sandbox error, per case.
    });
    return executor;
  });
  return sandbox;
}
