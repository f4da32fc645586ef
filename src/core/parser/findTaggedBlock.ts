import { TOOL_CALL_CLOSE, TOOL_CALL_OPEN } from './rules.ts';
import type { TaggedBlockToken, UnclosedTagToken } from './tokens.ts';

/** What `findTaggedBlock` remembers between calls on the same input. */
export interface TaggedBlockMemo {
  /** Set once a search for `</tool_call>` failed: every later `<tool_call>` is unclosed too. */
  closeMissing: boolean;
}

/** A fresh memo for one parse. */
export function newTaggedBlockMemo(): TaggedBlockMemo {
  return { closeMissing: false };
}

/**
 * Recogniser for `<tool_call>…</tool_call>`: takes the input, a position and the memo of this parse;
 * returns the first `<tool_call>` at or after `from`, paired with the first `</tool_call>` after it
 * (Punie's lazy `<tool_call>(.*?)</tool_call>`), or as an unclosed tag when none follows; undefined
 * when there is no `<tool_call>` left. Linear over a whole parse: a failed search for the closing
 * tag is remembered, never repeated. Never throws; does not look at the content.
 */
export function findTaggedBlock(
  src: string,
  from: number,
  memo: TaggedBlockMemo,
): TaggedBlockToken | UnclosedTagToken | undefined {
  const start = src.indexOf(TOOL_CALL_OPEN, from);
  if (start < 0) return undefined;
  const contentStart = start + TOOL_CALL_OPEN.length;
  if (!memo.closeMissing) {
    const close = src.indexOf(TOOL_CALL_CLOSE, contentStart);
    if (close >= 0) {
      const end = close + TOOL_CALL_CLOSE.length;
      return {
        type: 'tagged-block',
        start,
        end,
        raw: src.slice(start, end),
        contentStart,
        contentEnd: close,
      };
    }
    memo.closeMissing = true;
  }
  return { type: 'unclosed-tag', start, end: contentStart, raw: TOOL_CALL_OPEN };
}
