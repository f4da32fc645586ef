// The worker side of a page connection with comlink, for workers whose code lives in layers that
// may not import comlink themselves (the page's own report worker).
import { expose, proxy } from 'comlink';

/** Answers the page's calls to `api` from this worker (the worker entry calls this once). */
export function exposeToPage(api: object): void {
  expose(api);
}

/** Marks an object of callbacks to be passed to a worker by reference (comlink proxy), not copied. */
export function byReference<T extends object>(callbacks: T): T {
  return proxy(callbacks);
}
