import { skipWhitespace } from './rules.ts';

const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const QUOTE = 34; // "
const BACKSLASH = 92; // \
const COMMA = 44; // ,

/**
 * The end (exclusive) of the brace-balanced `{…}` group that starts at `from`, or -1 when `src` has no
 * `{` at `from` or the group never closes. Braces inside JSON strings (escapes included) do not
 * count. Does not check that the group is valid JSON. One linear pass; never throws.
 */
export function scanJsonObjectEnd(src: string, from: number): number {
  if (src.charCodeAt(from) !== OPEN_BRACE) return -1;
  let depth = 0;
  let inString = false;
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE) {
      depth++;
    } else if (c === CLOSE_BRACE) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Splits `src` into the JSON objects it holds one after another, separated by whitespace or commas
 * (`{…}\n{…}` or `{…}, {…}`). Returns the parsed objects when `src` is two or more valid JSON objects
 * and nothing else; undefined otherwise (including a single object). Linear; never throws.
 */
export function splitJsonObjects(src: string): unknown[] | undefined {
  const values: unknown[] = [];
  let at = skipWhitespace(src, 0);
  while (at < src.length) {
    const end = scanJsonObjectEnd(src, at);
    if (end < 0) return undefined;
    try {
      values.push(JSON.parse(src.slice(at, end)));
    } catch {
      return undefined;
    }
    at = skipWhitespace(src, end);
    if (src.charCodeAt(at) === COMMA) at = skipWhitespace(src, at + 1);
  }
  return values.length >= 2 ? values : undefined;
}
