// The worker side of a comlink callback: a page-side function arrives as a proxy that holds a
// message port until released.
import { releaseProxy } from 'comlink';

/** Releases a comlink callback proxy; a plain function (unit tests) is left alone. */
export function releaseCallback(callback: unknown): void {
  (callback as { [releaseProxy]?: () => void } | null)?.[releaseProxy]?.();
}

/** Calls a (possibly remote) callback without letting a closed page break the worker. */
export function sendToPage<T>(callback: (value: T) => void, value: T): void {
  try {
    void Promise.resolve(callback(value) as unknown).catch(() => undefined);
  } catch {
    // The page side is gone; nothing to tell.
  }
}
