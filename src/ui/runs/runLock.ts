// One tab runs a run: the tab executing it holds a Web Lock named after the run, released when the
// run ends, the tab closes or it crashes. Other tabs ask for the lock before resuming and, while it
// is held, show the run as running elsewhere.

/** The part of `navigator.locks` this module uses (absent in old browsers and in jsdom). */
export interface RunLocks {
  request<T>(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    work: (lock: unknown) => Promise<T>,
  ): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function defaultLocks(): RunLocks | undefined {
  return (globalThis.navigator as { locks?: RunLocks } | undefined)?.locks;
}

/** The lock's name for a run. */
export function runLockName(runId: string): string {
  return `tabeval-run:${runId}`;
}

/** What `holdRunLock` did: ran the work holding the lock, or found another tab holding it. */
export type HeldRun<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs `work` while holding the run's lock, or returns `{ ok: false }` at once when another tab
 * holds it. Without Web Locks the work just runs (one tab cannot know of another).
 */
export async function holdRunLock<T>(
  runId: string,
  work: () => Promise<T>,
  locks = defaultLocks(),
): Promise<HeldRun<T>> {
  if (locks === undefined) return { ok: true, value: await work() };
  return locks.request(runLockName(runId), { ifAvailable: true }, async (lock): Promise<HeldRun<T>> => {
    if (lock === null) return { ok: false };
    return { ok: true, value: await work() };
  });
}

/** Whether another tab (or this one) holds the run's lock now. */
export async function isRunLocked(runId: string, locks = defaultLocks()): Promise<boolean> {
  if (locks === undefined) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === runLockName(runId));
}

/**
 * Resolves once the run's lock is free (the other tab finished, stopped, closed or crashed), by
 * taking it and letting go at once; never resolves when `signal` aborts first. Without Web Locks
 * it resolves at once.
 */
export async function whenRunUnlocked(
  runId: string,
  signal: AbortSignal,
  locks = defaultLocks(),
): Promise<void> {
  if (locks === undefined) return;
  await locks.request(runLockName(runId), { signal }, async () => undefined);
}
