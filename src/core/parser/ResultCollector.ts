import type { Span } from './tokens.ts';
import type { NearMiss, ToolCall } from './types.ts';

/**
 * Collects what the driving loop accepts, in document order, keeping every reported span disjoint
 * from the others. Spans that remove text (calls, whole `<tool_call>` blocks) win: one that overlaps a
 * near miss reported earlier (which removes nothing) evicts it. A near miss that removes nothing is
 * kept only if it starts after everything reported so far.
 */
export class ResultCollector {
  // Parallel arrays rather than one wrapper object per entry: adversarial input has many entries.
  readonly #entries: (ToolCall | NearMiss)[] = [];
  readonly #removes: boolean[] = [];
  #removedEnd = 0;
  #reportedEnd = 0;

  /** True when `start` lies before the end of text already removed (the token overlaps it). */
  overlapsRemoved(start: number): boolean {
    return start < this.#removedEnd;
  }

  /**
   * Accepts a call or a whole-block near miss: its span is removed from the text. The caller has
   * checked `overlapsRemoved(start)` is false, so only near misses that remove nothing can overlap.
   */
  addRemoved(entry: ToolCall | NearMiss): void {
    for (let last = this.#entries.length - 1; last >= 0; last--) {
      const previous = this.#entries[last];
      if (previous === undefined || this.#removes[last] === true || previous.end <= entry.start) break;
      this.#entries.pop();
      this.#removes.pop();
    }
    this.#entries.push(entry);
    this.#removes.push(true);
    this.#removedEnd = entry.end;
    this.#reportedEnd = entry.end;
  }

  /** Offers a near miss that removes no text; dropped if it overlaps anything reported. */
  addKept(miss: NearMiss): void {
    if (miss.start < this.#reportedEnd) return;
    this.#entries.push(miss);
    this.#removes.push(false);
    this.#reportedEnd = miss.end;
  }

  /** The calls, the near misses and the removed spans, each in document order. */
  result(): { calls: ToolCall[]; nearMisses: NearMiss[]; removed: Span[] } {
    const calls: ToolCall[] = [];
    const nearMisses: NearMiss[] = [];
    const removed: Span[] = [];
    this.#entries.forEach((entry, i) => {
      if ('format' in entry) calls.push(entry);
      else nearMisses.push(entry);
      if (this.#removes[i] === true) removed.push(entry);
    });
    return { calls, nearMisses, removed };
  }
}
