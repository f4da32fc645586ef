/** Timer and clock used for pacing; injectable for tests. */
export interface PaceClock {
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** What a paced stream sent, and when (clock times of the first and last chunk). */
export interface PacedStream {
  /** Characters sent. */
  sent: number;
  aborted: boolean;
  firstMs: number | null;
  lastMs: number | null;
}

/** Characters per token when pacing by tokens: the replay's and the synthetic engine's rule. */
export const CHARS_PER_TOKEN = 4;

/**
 * Streams `text` to `onToken` at `tokensPerSecond` (a token being {@link CHARS_PER_TOKEN}
 * characters), the first token at once. Paced by a schedule, not by one sleep per token: timers
 * fire late, and the lateness must not add up (2,000 tokens at 200 tokens/s take 10 s, not 20).
 * Stops before the next chunk once `aborted()` says so. The one pacing loop of the replay and
 * synthetic engines. Never throws (unless `onToken` does).
 */
export async function streamPaced(
  text: string,
  tokensPerSecond: number,
  onToken: (delta: string) => void,
  clock: PaceClock,
  aborted: () => boolean,
): Promise<PacedStream> {
  const msPerChunk = 1000 / tokensPerSecond;
  const started = clock.now();
  const out: PacedStream = { sent: 0, aborted: false, firstMs: null, lastMs: null };
  while (out.sent < text.length) {
    if (aborted()) {
      out.aborted = true;
      return out;
    }
    const due = Math.min(text.length, Math.floor((clock.now() - started) / msPerChunk + 1) * CHARS_PER_TOKEN);
    if (due > out.sent) {
      onToken(text.slice(out.sent, due));
      out.sent = due;
      out.lastMs = clock.now();
      out.firstMs ??= out.lastMs;
    }
    if (out.sent < text.length) await clock.sleep(msPerChunk);
  }
  return out;
}
