// Removes what executed code could use to leave the worker: network, storage, other workers, the
// page. Runs after Pyodide has loaded (it needed fetch) and before any untrusted code; whatever
// the harness still needs was bound before. Python's `js` module is this global scope, and the
// Function constructor reaches it too, so the names go from the scope and its prototypes alike.

/** What is taken away from the worker's global scope. */
export const LOCKED_NAMES = [
  'fetch',
  'fetchLater',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'indexedDB',
  'IDBFactory',
  'caches',
  'CacheStorage',
  'BroadcastChannel',
  'Request',
  'Worker',
  'SharedWorker',
  'postMessage',
  'navigator',
  'MessageChannel',
  'MessagePort',
  'onmessage',
  'close',
] as const;

/** Deletes (or, where that fails, overrides with `undefined`) each locked name on `scope` and its prototypes. */
export function lockdownWorkerScope(scope: object = globalThis): string[] {
  const left: string[] = [];
  for (const name of LOCKED_NAMES) {
    for (
      let target: object | null = scope;
      target !== null;
      target = Object.getPrototypeOf(target) as object | null
    ) {
      if (!Object.prototype.hasOwnProperty.call(target, name)) continue;
      if (!Reflect.deleteProperty(target, name)) {
        try {
          Object.defineProperty(target, name, { value: undefined, writable: false, configurable: false });
        } catch {
          // Reported below.
        }
      }
    }
    if ((scope as Record<string, unknown>)[name] !== undefined) left.push(name);
  }
  return left;
}
