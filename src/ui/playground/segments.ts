import type { ParseResult, ToolCall, NearMiss } from '../../core/parser/types.ts';

/** A piece of the input: plain text, a call, or a near miss, in document order. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'call'; text: string; call: ToolCall; index: number }
  | { kind: 'near-miss'; text: string; nearMiss: NearMiss; index: number };

/**
 * Splits `input` at the spans of the parse result so a view can show each call in place.
 * Overlapping spans (never produced by the parser) are skipped rather than shown twice.
 */
export function segmentOutput(input: string, result: ParseResult): Segment[] {
  const marks = [
    ...result.calls.map((call, index) => ({ start: call.start, end: call.end, call, index })),
    ...result.nearMisses.map((nearMiss, index) => ({
      start: nearMiss.start,
      end: nearMiss.end,
      nearMiss,
      index,
    })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const segments: Segment[] = [];
  let pos = 0;
  for (const m of marks) {
    if (m.start < pos) continue;
    if (m.start > pos) segments.push({ kind: 'text', text: input.slice(pos, m.start) });
    const text = input.slice(m.start, m.end);
    if ('call' in m) segments.push({ kind: 'call', text, call: m.call, index: m.index });
    else segments.push({ kind: 'near-miss', text, nearMiss: m.nearMiss, index: m.index });
    pos = m.end;
  }
  if (pos < input.length) segments.push({ kind: 'text', text: input.slice(pos) });
  return segments;
}
