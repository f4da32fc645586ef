/** The outcome of reading a link: the value, or a message that says what is wrong and where. */
export type LinkResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A failed {@link LinkResult}. */
export function linkError(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** An untrusted value, shortened and quoted for a message (never more than about 60 characters). */
export function quoteForMessage(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(short);
}
