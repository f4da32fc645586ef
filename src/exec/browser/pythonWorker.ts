// The Python sandbox's module worker: waits for the page's init message (with the private port),
// then hands over to startPythonWorker. Served with its own strict CSP (siteHeaders.ts).
import { startPythonWorker } from './startPythonWorker.ts';
import type { PythonWorkerInit } from './workerMessages.ts';

function onInit(event: MessageEvent<PythonWorkerInit>): void {
  if (event.data?.type !== 'init') return;
  self.removeEventListener('message', onInit);
  void startPythonWorker(event.data);
}
self.addEventListener('message', onInit);
