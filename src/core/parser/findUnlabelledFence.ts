import { isPlainObject } from './jsonValue.ts';
import { FENCE, JSON_LABEL, NEWLINE_FENCE } from './rules.ts';
import type { UnlabelledFenceToken } from './tokens.ts';

/**
 * Recogniser for the `unlabelled-fence` near miss: a fence opened at the start of a line with no label
 * or a label other than `json`, closed by the next line that starts with ```` ``` ````, whose content
 * is a JSON object with a string "name" or "tool" (call-shaped). Fences labelled json are paired
 * too (so their closing line is never taken for an opener) but never returned. Takes the input and a
 * position; returns the first such fence starting at or after `from`, or undefined. Linear over a
 * whole parse; never throws.
 */
export function findUnlabelledFence(src: string, from: number): UnlabelledFenceToken | undefined {
  let at = from;
  for (;;) {
    const start = src.indexOf(FENCE, at);
    if (start < 0) return undefined;
    if (start > 0 && src.charCodeAt(start - 1) !== 10) {
      at = start + 1;
      continue;
    }
    const labelEnd = src.indexOf('\n', start + FENCE.length);
    if (labelEnd < 0) return undefined;
    const close = src.indexOf(NEWLINE_FENCE, labelEnd);
    if (close < 0) return undefined;
    const end = close + NEWLINE_FENCE.length;
    at = end;
    const label = src.slice(start + FENCE.length, labelEnd).trim();
    if (label === JSON_LABEL) continue;
    const value = callShapedObject(src.slice(labelEnd + 1, close).trim());
    if (value !== undefined) {
      return { type: 'unlabelled-fence', start, end, raw: src.slice(start, end), label, value };
    }
  }
}

function callShapedObject(content: string): Record<string, unknown> | undefined {
  if (!content.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  return typeof value['name'] === 'string' || typeof value['tool'] === 'string' ? value : undefined;
}
