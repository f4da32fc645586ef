import { describe, expect, it } from 'vitest';
import { createTokenBatcher, type TimerApi } from '../../../../src/engines/webllm/tokenBatcher.ts';

/** A manual clock: timers fire only when the test advances time. */
function manualTimers(): TimerApi & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.fn();
        }
      }
    },
    pending: () => timers.size,
  };
}

describe('createTokenBatcher', () => {
  it('sends the deltas of one interval together', () => {
    const timers = manualTimers();
    const sent: string[] = [];
    const b = createTokenBatcher((t) => sent.push(t), 50, timers);
    b.push('Hel');
    b.push('lo');
    b.push(', ');
    expect(sent).toEqual([]);
    timers.advance(49);
    expect(sent).toEqual([]);
    timers.advance(1);
    expect(sent).toEqual(['Hello, ']);
    b.push('world');
    timers.advance(50);
    expect(sent).toEqual(['Hello, ', 'world']);
  });

  it('flushes what is pending at once and cancels the timer', () => {
    const timers = manualTimers();
    const sent: string[] = [];
    const b = createTokenBatcher((t) => sent.push(t), 50, timers);
    b.push('a');
    b.flush();
    expect(sent).toEqual(['a']);
    expect(timers.pending()).toBe(0);
    b.flush();
    expect(sent).toEqual(['a']);
  });

  it('ignores empty deltas and sends later pushes immediately after close', () => {
    const timers = manualTimers();
    const sent: string[] = [];
    const b = createTokenBatcher((t) => sent.push(t), 50, timers);
    b.push('');
    expect(timers.pending()).toBe(0);
    b.push('x');
    b.close();
    expect(sent).toEqual(['x']);
    b.push('y');
    expect(sent).toEqual(['x', 'y']);
    expect(timers.pending()).toBe(0);
  });

  it('never loses or reorders text over many pushes', () => {
    const timers = manualTimers();
    const sent: string[] = [];
    const b = createTokenBatcher((t) => sent.push(t), 50, timers);
    const tokens = Array.from({ length: 500 }, (_, i) => `t${i} `);
    tokens.forEach((t, i) => {
      b.push(t);
      timers.advance(i % 7);
    });
    b.close();
    expect(sent.join('')).toBe(tokens.join(''));
    expect(sent.length).toBeLessThan(tokens.length / 5);
  });
});
