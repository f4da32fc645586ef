// The last "Answer:" wins. Not preceded by a letter or digit, so "reanswer:" does not count (an
// underscore may precede it: "__Answer__:"); markdown emphasis around the word is allowed because
// models write it ("**Answer:**", "**Answer**:").
const MARKER = /(?<![\p{L}\p{N}])answer[*_]{0,3}[ \t]*:[*_]{0,3}/giu;
const SPACE = /\s/u;
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
 * Finds the LAST `Answer:` marker anywhere in the text (case-insensitive, not preceded by a letter
 * or digit; markdown emphasis like `**Answer:**` allowed) and takes the first non-empty
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
 * Exported for `scoreAnswer`, which applies it to the expected value too. Works on indices and
 * slices once, so it stays linear on hostile input (thousands of nested backticks).
 * Pure; never throws.
 */
export function stripWrapping(text: string): string {
  let start = 0;
  let end = text.length;
  const trim = () => {
    while (start < end && isSpace(text, start)) start += 1;
    while (end > start && isSpace(text, end - 1)) end -= 1;
  };
  trim();
  for (;;) {
    const before = end - start;
    if (text[end - 1] === '.' && !(end - 2 >= start && text[end - 2] === '.')) {
      end -= 1;
      trim();
    }
    for (const [open, close] of WRAPPERS) {
      if (
        end - start >= open.length + close.length &&
        text.startsWith(open, start) &&
        text.startsWith(close, end - close.length)
      ) {
        start += open.length;
        end -= close.length;
        trim();
        break;
      }
    }
    if (end - start === before) return text.slice(start, end);
  }
}

function isSpace(text: string, index: number): boolean {
  return SPACE.test(text[index] ?? '');
}
