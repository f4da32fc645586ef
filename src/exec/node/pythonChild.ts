// The Node child that runs Python (built to dist-cli/pythonChild.js). Started by createNodeExecutor
// under Node's permission model: it may read Pyodide's files and its own, nothing else, and cannot
// write files or start processes. Jobs arrive over the IPC channel; replies leave through a `send`
// bound before any untrusted code runs.
import { constants as fsConstants } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPythonSession } from '../pythonSession.ts';
import { installWasmMemoryCap } from '../memoryCap.ts';
import { isJobRequest } from '../jobRequest.ts';

const send = process.send?.bind(process);
if (!send) {
  console.error('pythonChild: start me with an IPC channel (createNodeExecutor does)');
  process.exit(2);
}
const [indexDir = '', memoryLimitMb = '1024'] = process.argv.slice(2);

// Pyodide's NODEFS reads fs constants through process.binding, which the permission model refuses.
// `process.binding` is deprecated and missing from @types/node, but Pyodide calls it.
const legacy = process as unknown as { binding: (name: string) => unknown };
const binding = legacy.binding.bind(process);
Object.defineProperty(process, 'binding', {
  value: (name: string) => (name === 'constants' ? { fs: fsConstants, os: osConstants } : binding(name)),
});
installWasmMemoryCap(Number(memoryLimitMb));

const started = performance.now();
try {
  const url = pathToFileURL(path.join(indexDir, 'pyodide.mjs')).href;
  const { loadPyodide } = (await import(/* @vite-ignore */ url)) as typeof import('pyodide');
  const pyodide = await loadPyodide({ indexURL: indexDir + path.sep });
  const session = createPythonSession(pyodide);
  const onMessage = (message: unknown): void => {
    if (!isJobRequest(message)) return;
    if (process.listenerCount('message') !== 1) {
      // Executed code added its own listener: it could read the next nonce. Stop here.
      process.exit(3);
    }
    const report = session.run(message.job);
    send({ type: 'result', id: message.id, nonce: message.nonce, report });
  };
  process.on('message', onMessage);
  send({ type: 'ready', loadMs: performance.now() - started });
} catch (err) {
  send({ type: 'failed', detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  process.exitCode = 1;
  process.disconnect?.();
}
