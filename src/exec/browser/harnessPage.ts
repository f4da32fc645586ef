// exec-harness.html's script: one BrowserPythonExecutor on `window.tabevalExec`, so the browser
// tests and the benchmark can drive the real sandbox without the app around it.
import type { ExecutionJob, ExecutionOutcome } from '../../core/execution/schema.ts';
import { BrowserPythonExecutor } from './BrowserPythonExecutor.ts';

export interface ExecHarness {
  crossOriginIsolated: boolean;
  ready(): Promise<number>;
  execute(job: ExecutionJob): Promise<ExecutionOutcome>;
  /** Load time of the worker that became ready last, in ms. */
  lastLoadMs(): number | undefined;
}

const executor = new BrowserPythonExecutor();
const harness: ExecHarness = {
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
  async ready() {
    const started = performance.now();
    await executor.ready();
    return performance.now() - started;
  },
  execute: (job) => executor.execute(job),
  lastLoadMs: () => executor.lastLoadMs,
};
(window as unknown as { tabevalExec: ExecHarness }).tabevalExec = harness;
