import { FUNCTION_CLOSE, FUNCTION_OPEN, TOOL_CALL_CLOSE, skipWhitespace } from './rules.ts';
import type { BrokenXmlToken } from './tokens.ts';

/** What `findBrokenXml` remembers between calls on the same input. */
export interface BrokenXmlMemo {
  /** Set once a search failed in a way no later start can succeed. */
  exhausted: boolean;
}

/** A fresh memo for one parse. */
export function newBrokenXmlMemo(): BrokenXmlMemo {
  return { exhausted: false };
}

/**
 * Recogniser for broken XML, the opening `<tool_call>` missing:
 * `<function=NAME>BODY</function>` + optional whitespace + `</tool_call>`, matched the way Punie's
 * `<function=([^>]+)>(.*?)</function>\s*</tool_call>` matches: NAME runs to the first `>` and must
 * not be empty; BODY ends at the first `</function>` that is followed by optional whitespace and
 * `</tool_call>`. Takes the input, a position and the memo of this parse; returns the first such
 * match starting at or after `from`, or undefined. Does not look at the parameters, so a match may
 * still turn out not to be a call. Linear over a whole parse; never throws.
 */
export function findBrokenXml(src: string, from: number, memo: BrokenXmlMemo): BrokenXmlToken | undefined {
  let at = from;
  while (!memo.exhausted) {
    const start = src.indexOf(FUNCTION_OPEN, at);
    if (start < 0) break;
    const nameStart = start + FUNCTION_OPEN.length;
    const nameEnd = src.indexOf('>', nameStart);
    // No '>' at all: no later <function= can have one either.
    if (nameEnd < 0) break;
    if (nameEnd === nameStart) {
      at = start + 1;
      continue;
    }
    const bodyStart = nameEnd + 1;
    let search = bodyStart;
    for (;;) {
      const bodyEnd = src.indexOf(FUNCTION_CLOSE, search);
      // Every later start has its body after this one's: none of them can end either.
      if (bodyEnd < 0) {
        memo.exhausted = true;
        return undefined;
      }
      const tail = skipWhitespace(src, bodyEnd + FUNCTION_CLOSE.length);
      if (src.startsWith(TOOL_CALL_CLOSE, tail)) {
        const end = tail + TOOL_CALL_CLOSE.length;
        const name = src.slice(nameStart, nameEnd).trim();
        return { type: 'broken-xml', start, end, raw: src.slice(start, end), name, bodyStart, bodyEnd };
      }
      search = bodyEnd + FUNCTION_CLOSE.length;
    }
  }
  memo.exhausted = true;
  return undefined;
}
