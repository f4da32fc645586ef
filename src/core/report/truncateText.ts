/** Text cut for display: what is shown, and how long the original was. */
export interface TruncatedText {
  text: string;
  /** True when `text` is shorter than the original. */
  truncated: boolean;
  /** Length of the original in UTF-16 code units (what `String.length` counts). */
  length: number;
}

/**
 * The first `limit` code units of `text`, never splitting a surrogate pair (the cut moves back by
 * one unit instead). Pure; never throws.
 */
export function truncateText(text: string, limit: number): TruncatedText {
  if (text.length <= limit) return { text, truncated: false, length: text.length };
  let end = Math.max(0, limit);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true, length: text.length };
}
