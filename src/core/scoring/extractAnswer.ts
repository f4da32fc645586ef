// The last "Answer:" wins. Word-bounded so "reanswer:" does not count; markdown emphasis around the
// word ("**Answer:**", "**Answer**:") is allowed because models write it.
const MARKER = /(?<![\p{L}\p{N}_])answer[*_]{0,3}[ \t]*:[*_]{0,3}/giu;
// One layer of wrapping at a time: code spans/fences, quotes, emphasis.
const WRAPPERS: readonly (readonly [string, string])[] = [
  ['```', '```'],
  ['`', '`'],
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['**', '**'],
  ['__', '__'],
  ['*', '*'],
  ['_', '_'],
];

/**
 * The final answer in a model's reply, as written (not yet normalised).
 *
 * Finds the LAST `Answer:` marker anywhere in the text (case-insensitive, not preceded by a letter,
 * digit or underscore; markdown emphasis like `**Answer:**` allowed) and takes the first non-empty
 * line after it: the rest of the marker's line, or the next non-empty line when the marker ends its
 * line. Without a marker the whole output is the answer. Then strips surrounding whitespace, one
 * trailing period, and matching wrappers (backticks, straight and curly quotes, `*`/`_` emphasis),
 * repeatedly, so `` `"42".` `` gives `42`. May return `''` (see `scoreAnswer`'s `no_answer`).
 * Pure; never throws.
 */
export function extractAnswer(output: string): string {
  let last: RegExpExecArray | undefined;
  for (const match of output.matchAll(MARKER)) last = match;
  let answer = output;
  if (last) {
    const after = output.slice(last.index + last[0].length);
    answer = after.split('\n').find((line) => line.trim() !== '') ?? '';
  }
  return stripWrapping(answer);
}

/**
 * Strips surrounding whitespace, a trailing period and matching wrappers until none is left.
 * Exported for `scoreAnswer`, which applies it to the expected value too. Pure; never throws.
 */
export function stripWrapping(text: string): string {
  let current = text.trim();
  for (;;) {
    let next = current.endsWith('.') && !current.endsWith('..') ? current.slice(0, -1).trimEnd() : current;
    for (const [open, close] of WRAPPERS) {
      if (next.length >= open.length + close.length && next.startsWith(open) && next.endsWith(close)) {
        next = next.slice(open.length, next.length - close.length).trim();
        break;
      }
    }
    if (next === current) return current;
    current = next;
  }
}
