// Collects streamed token deltas and hands them on at most once per interval, so a fast model
// does not flood the page (and comlink) with one message per token.

export interface TokenBatcher {
  push(delta: string): void;
  /** Send what is pending now (end of stream, abort). */
  flush(): void;
  /** Flush and stop the timer; later pushes are sent immediately. */
  close(): void;
}

export interface TimerApi {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const defaultTimers: TimerApi = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * `send` receives the concatenated deltas. The first delta of a quiet period starts the
 * interval; everything pushed until it ends goes out together. Empty deltas are ignored.
 */
export function createTokenBatcher(
  send: (text: string) => void,
  intervalMs = 50,
  timers: TimerApi = defaultTimers,
): TokenBatcher {
  let pending = '';
  let timer: unknown = undefined;
  let closed = false;

  const flush = (): void => {
    if (timer !== undefined) {
      timers.clearTimeout(timer);
      timer = undefined;
    }
    if (pending.length === 0) return;
    const text = pending;
    pending = '';
    send(text);
  };

  return {
    push(delta) {
      if (delta.length === 0) return;
      pending += delta;
      if (closed) return flush();
      if (timer === undefined) timer = timers.setTimeout(flush, intervalMs);
    },
    flush,
    close() {
      flush();
      closed = true;
    },
  };
}
