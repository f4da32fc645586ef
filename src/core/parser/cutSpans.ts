import { TOOL_CALL_CLOSE, TOOL_CALL_OPEN } from './rules.ts';
import type { Span } from './tokens.ts';
import type { ParseResult } from './types.ts';

/**
 * `input` with the given spans cut out and the pieces left joined directly, nothing inserted between
 * them (as Punie does): `cutSpans('a<x>b', [{ start: 1, end: 4 }])` is `'ab'`. Spans may come in any
 * order and may overlap (overlaps are cut once); offsets are clamped to the input. Does not trim.
 * Never throws.
 */
export function cutSpans(input: string, spans: readonly Span[]): string {
  if (spans.length === 0) return input;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.min(Math.max(start, at), input.length);
    pieces.push(input.slice(at, from));
    at = Math.max(at, Math.min(end, input.length));
  }
  pieces.push(input.slice(at));
  return pieces.join('');
}

/**
 * The spans `parseToolCalls(input)` removed from `input` to make `result.text`, in order: every call,
 * and every near miss that spans a whole `<tool_call>…</tool_call>` block (a block is removed even when
 * its content is not a call). Other near misses (unclosed tags, fences) leave their text in place.
 * `result` must come from `parseToolCalls(input)`; then
 * `result.text === cutSpans(input, removedSpans(input, result)).trim()`. Never throws.
 */
export function removedSpans(input: string, result: ParseResult): Span[] {
  const blocks = result.nearMisses.filter((miss) => isWholeBlock(input, miss));
  return [...result.calls, ...blocks]
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => a.start - b.start);
}

function isWholeBlock(input: string, { start, end }: Span): boolean {
  return (
    end - start >= TOOL_CALL_OPEN.length + TOOL_CALL_CLOSE.length &&
    input.startsWith(TOOL_CALL_OPEN, start) &&
    input.startsWith(TOOL_CALL_CLOSE, end - TOOL_CALL_CLOSE.length)
  );
}
