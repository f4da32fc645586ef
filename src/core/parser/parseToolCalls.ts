import { findBrokenXml, newBrokenXmlMemo } from './findBrokenXml.ts';
import { findFencedJson, newFencedJsonMemo } from './findFencedJson.ts';
import { findTaggedBlock, newTaggedBlockMemo } from './findTaggedBlock.ts';
import { findUnlabelledFence } from './findUnlabelledFence.ts';
import { cutSpans } from './cutSpans.ts';
import { readBrokenXml } from './readBrokenXml.ts';
import { readFencedJson } from './readFencedJson.ts';
import { readTaggedBlock } from './readTaggedBlock.ts';
import { readUnclosedTag } from './readUnclosedTag.ts';
import { readUnlabelledFence } from './readUnlabelledFence.ts';
import { ResultCollector } from './ResultCollector.ts';
import { TokenStream } from './TokenStream.ts';
import type { Token } from './tokens.ts';
import type { ParseResult } from './types.ts';

/**
 * Finds the tool calls in a model's output, in document order, in the four formats `tagged-json`,
 * `fenced-json`, `tagged-xml` and `broken-xml`, plus near misses (attempts that are not calls, with a
 * plain-words detail). Takes any string; returns the calls, the near misses and `text`: the input with
 * the removed spans cut out (every call, and every `<tool_call>…</tool_call>` block even when its
 * content is not a call; see `removedSpans`), the pieces joined directly, trimmed at both ends.
 *
 * Compatible with Punie's parser wherever Punie returns calls (same names, arguments and text), except
 * that calls come in document order; it does not take JSON strings for calls nor throw on numbers.
 * Pure: no DOM, no Node APIs, no I/O. Never throws on any input, and runs in time linear in its length.
 */
export function parseToolCalls(text: string): ParseResult {
  const taggedMemo = newTaggedBlockMemo();
  const brokenMemo = newBrokenXmlMemo();
  const fencedMemo = newFencedJsonMemo();
  const tagged = new TokenStream<Token>(
    'tagged',
    (from) => findTaggedBlock(text, from, taggedMemo),
    resumeAfter,
  );
  const broken = new TokenStream<Token>(
    'broken-xml',
    (from) => findBrokenXml(text, from, brokenMemo),
    resumeAfter,
  );
  const fenced = new TokenStream<Token>(
    'fenced-json',
    (from) => findFencedJson(text, from, fencedMemo),
    resumeAfter,
  );
  const unlabelled = new TokenStream<Token>(
    'unlabelled-fence',
    (from) => findUnlabelledFence(text, from),
    resumeAfter,
  );
  // Order breaks ties between tokens starting at the same offset.
  const streams: readonly TokenStream<Token>[] = [tagged, broken, fenced, unlabelled];
  const collector = new ResultCollector();

  // A <tool_call> block always wins: a broken-XML or fenced match with a block starting inside it is
  // no call (Punie drops such broken matches too, and removes the block).
  const blockStartsBefore = (end: number): boolean => {
    const next = tagged.peek();
    return next !== undefined && next.type === 'tagged-block' && next.start < end;
  };

  for (let token = takeEarliest(streams); token !== undefined; token = takeEarliest(streams)) {
    switch (token.type) {
      case 'tagged-block': {
        if (collector.overlapsRemoved(token.start)) break;
        const reading = readTaggedBlock(text, token);
        if (reading.kind === 'call') collector.addRemoved(reading.call);
        else if (reading.kind === 'miss') collector.addRemoved(reading.miss);
        break;
      }
      case 'unclosed-tag':
        collector.addKept(readUnclosedTag(token));
        break;
      case 'broken-xml': {
        if (collector.overlapsRemoved(token.start) || blockStartsBefore(token.end)) break;
        const call = readBrokenXml(text, token);
        if (call !== undefined) collector.addRemoved(call);
        break;
      }
      case 'fenced-json': {
        if (collector.overlapsRemoved(token.start) || blockStartsBefore(token.end)) break;
        const reading = readFencedJson(text, token);
        if (reading.kind === 'call') collector.addRemoved(reading.call);
        else if (reading.kind === 'miss') collector.addKept(reading.miss);
        break;
      }
      case 'unlabelled-fence':
        collector.addKept(readUnlabelledFence(token));
        break;
    }
  }

  const { calls, nearMisses, removed } = collector.result();
  return { text: cutSpans(text, removed).trim(), calls, nearMisses };
}

function resumeAfter(token: Token): number {
  return token.end;
}

// The token that starts first across all streams; each stream only ever moves forward.
function takeEarliest(streams: readonly TokenStream<Token>[]): Token | undefined {
  let best: TokenStream<Token> | undefined;
  let bestStart = Number.POSITIVE_INFINITY;
  for (const stream of streams) {
    const start = stream.peek()?.start;
    if (start !== undefined && start < bestStart) {
      best = stream;
      bestStart = start;
    }
  }
  return best?.take();
}
