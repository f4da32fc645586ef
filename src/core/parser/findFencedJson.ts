import { FENCE, JSON_FENCE_OPEN, NEWLINE_FENCE, skipWhitespace } from './rules.ts';
import type { FencedJsonToken } from './tokens.ts';

/** What `findFencedJson` remembers between calls on the same input. */
export interface FencedJsonMemo {
  /** Set once no `\n```` exists at or after this position (then no later fence can close). */
  closeMissingFrom: number;
}

/** A fresh memo for one parse. */
export function newFencedJsonMemo(): FencedJsonMemo {
  return { closeMissingFrom: Number.POSITIVE_INFINITY };
}

/**
 * Recogniser for a fence labelled json: ```` ```json ````, whitespace that contains a newline, the
 * content, a newline and ```` ``` ````. It matches where Punie's ```` ```json\s*\n(.*?)\n``` ````
 * matches, backtracking included: the content starts after the last newline of the whitespace run
 * and ends at the first newline followed by ```` ``` ````. The opener may sit anywhere in a line, as in
 * Punie. Takes the input, a position and the memo of this parse; returns the first match starting at
 * or after `from`, or undefined. Does not parse the content. Linear over a whole parse; never throws.
 */
export function findFencedJson(src: string, from: number, memo: FencedJsonMemo): FencedJsonToken | undefined {
  let at = from;
  for (;;) {
    const start = src.indexOf(JSON_FENCE_OPEN, at);
    if (start < 0) return undefined;
    at = start + 1;
    const runStart = start + JSON_FENCE_OPEN.length;
    const run = src.slice(runStart, skipWhitespace(src, runStart));
    const lastNewline = run.lastIndexOf('\n');
    if (lastNewline < 0) continue;
    const contentStart = runStart + lastNewline + 1;
    if (contentStart < memo.closeMissingFrom) {
      const close = src.indexOf(NEWLINE_FENCE, contentStart);
      if (close >= 0) return token(src, start, contentStart, close);
      memo.closeMissingFrom = contentStart;
    }
    // Backtracking: with no closing fence further on, the regex gives the last newline back to
    // `\s*` and may close right there, on an empty (whitespace) content: "```json\n\n```".
    const previousNewline = lastNewline > 0 ? run.lastIndexOf('\n', lastNewline - 1) : -1;
    if (previousNewline >= 0 && src.startsWith(FENCE, contentStart)) {
      return token(src, start, runStart + previousNewline + 1, contentStart - 1);
    }
  }
}

function token(src: string, start: number, contentStart: number, close: number): FencedJsonToken {
  const end = close + NEWLINE_FENCE.length;
  return { type: 'fenced-json', start, end, raw: src.slice(start, end), contentStart, contentEnd: close };
}
