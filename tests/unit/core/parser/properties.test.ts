import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutSpans, parseToolCalls, removedSpans } from '../../../../src/core/parser/index.ts';
import type { ParseResult } from '../../../../src/core/parser/index.ts';
import { anyCodePointText, anyUnitsText, grammarText, wellFormedDocument } from './arbitraries.ts';

const anyText = fc.oneof(
  grammarText,
  anyUnitsText,
  anyCodePointText,
  wellFormedDocument.map((d) => d.text),
);
const runs = { numRuns: 400 };

function spansOf(result: ParseResult): { start: number; end: number }[] {
  return [...result.calls, ...result.nearMisses].sort((a, b) => a.start - b.start);
}

describe('parseToolCalls properties', () => {
  it('never throws, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string()), (text) => {
        const result = parseToolCalls(text);
        expect(typeof result.text).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('reports spans inside the input, in order, never overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseToolCalls(text);
        let previousEnd = 0;
        for (const { start, end } of spansOf(result)) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          previousEnd = end;
        }
        for (const list of [result.calls, result.nearMisses]) {
          expect(list.map((s) => s.start)).toEqual([...list.map((s) => s.start)].sort((a, b) => a - b));
        }
      }),
      runs,
    );
  });

  it('gives as text the input with the removed spans cut out, trimmed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseToolCalls(text);
        const removed = removedSpans(text, result);
        expect(cutSpans(text, removed).trim()).toBe(result.text);
        // Removed: every call, and the near misses that are whole <tool_call> blocks; never an
        // unclosed tag or a fence.
        for (const miss of result.nearMisses) {
          const isRemoved = removed.some((span) => span.start === miss.start && span.end === miss.end);
          const isBlock = text.startsWith('<tool_call>', miss.start) && miss.kind !== 'unclosed-tag';
          expect(isRemoved).toBe(isBlock);
        }
      }),
      runs,
    );
  });

  it('recovers generated well-formed calls with their names and arguments, in order', () => {
    fc.assert(
      fc.property(wellFormedDocument, (doc) => {
        const result = parseToolCalls(doc.text);
        expect(
          result.calls.map(({ name, arguments: args, format }) => ({ name, arguments: args, format })),
        ).toEqual(doc.calls);
        expect(result.nearMisses).toEqual([]);
      }),
      runs,
    );
  });

  it('re-parses the slice of each call to that same single call', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const call of parseToolCalls(text).calls) {
          const again = parseToolCalls(text.slice(call.start, call.end));
          expect(again.text).toBe('');
          expect(again.calls).toEqual([{ ...call, start: 0, end: call.end - call.start }]);
        }
      }),
      runs,
    );
  });

  it('finds nothing in text without markers', () => {
    fc.assert(
      fc.property(anyUnitsText, (text) => {
        fc.pre(!/[<`]/.test(text));
        expect(parseToolCalls(text)).toEqual({ text: text.trim(), calls: [], nearMisses: [] });
      }),
      runs,
    );
  });
});
