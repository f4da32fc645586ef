// The Python worker's body: load Pyodide from the site's own folder, install the harness, lock the
// worker's global scope down, then answer jobs on the private port the page handed over. The
// port's postMessage is bound here, before any untrusted code, so replacing MessagePort.prototype
// later changes nothing.
import { loadPyodide } from 'pyodide';
import { createPythonSession } from '../pythonSession.ts';
import { installWasmMemoryCap } from '../memoryCap.ts';
import { isJobRequest } from '../jobRequest.ts';
import { lockdownWorkerScope } from './lockdownWorkerScope.ts';
import type { PythonWorkerInit } from './workerMessages.ts';

const apply = Reflect.apply;
const portPost = MessagePort.prototype.postMessage;

/** Runs the worker for one init message. Never throws: a failure to load is reported on the port. */
export async function startPythonWorker(init: PythonWorkerInit): Promise<void> {
  const port = init.port;
  const post = (message: unknown): void => apply(portPost, port, [message]);
  const started = performance.now();
  try {
    if (new URL(init.indexURL).origin !== self.location.origin) {
      throw new Error(`Pyodide must come from this site, not ${init.indexURL}`);
    }
    installWasmMemoryCap(init.memoryLimitMb);
    const pyodide = await loadPyodide({ indexURL: init.indexURL });
    if (init.interruptBuffer) pyodide.setInterruptBuffer(new Uint8Array(init.interruptBuffer));
    const session = createPythonSession(pyodide);
    const left = lockdownWorkerScope(globalThis);
    if (left.length > 0) throw new Error(`could not remove ${left.join(', ')} from the worker`);
    port.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isJobRequest(message)) return;
      const report = session.run(message.job);
      post({ type: 'result', id: message.id, nonce: message.nonce, report });
    };
    post({ type: 'ready', loadMs: performance.now() - started });
  } catch (err) {
    post({ type: 'failed', detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}
