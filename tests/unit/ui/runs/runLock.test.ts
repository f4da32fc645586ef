import { describe, expect, it } from 'vitest';
import {
  holdRunLock,
  isRunLocked,
  runLockName,
  whenRunUnlocked,
  type RunLocks,
} from '../../../../src/ui/runs/runLock.ts';

/** Exclusive named locks with `ifAvailable` and queued waiters, as the Web Locks API grants them. */
function fakeLocks(): RunLocks {
  const held = new Set<string>();
  const queues = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    held.delete(name);
    queues.get(name)?.shift()?.();
  };
  return {
    async request(name, options, work) {
      if (held.has(name)) {
        if (options.ifAvailable === true) return work(null);
        await new Promise<void>((resolve, reject) => {
          const queue = queues.get(name) ?? [];
          queue.push(resolve);
          queues.set(name, queue);
          options.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        });
      }
      held.add(name);
      try {
        return await work({ name });
      } finally {
        release(name);
      }
    },
    query: async () => ({ held: [...held].map((name) => ({ name })) }),
  };
}

describe('run locks', () => {
  it('one holder at a time: a second tab is told, and runs nothing', async () => {
    const locks = fakeLocks();
    let finish!: () => void;
    const first = holdRunLock(
      'r1',
      () => new Promise<string>((resolve) => (finish = () => resolve('done'))),
      locks,
    );
    await Promise.resolve();
    expect(await isRunLocked('r1', locks)).toBe(true);
    let ranSecond = false;
    const second = await holdRunLock(
      'r1',
      async () => {
        ranSecond = true;
      },
      locks,
    );
    expect(second).toEqual({ ok: false });
    expect(ranSecond).toBe(false);
    // Another run is not affected.
    expect(await holdRunLock('r2', async () => 2, locks)).toEqual({ ok: true, value: 2 });
    finish();
    expect(await first).toEqual({ ok: true, value: 'done' });
    expect(await isRunLocked('r1', locks)).toBe(false);
  });

  it('a waiting tab learns when the holder lets go, and can stop waiting', async () => {
    const locks = fakeLocks();
    let finish!: () => void;
    const first = holdRunLock('r1', () => new Promise<void>((resolve) => (finish = resolve)), locks);
    await Promise.resolve();
    let freed = false;
    const waiting = whenRunUnlocked('r1', new AbortController().signal, locks).then(() => (freed = true));
    const gaveUp = new AbortController();
    const abandoned = whenRunUnlocked('r1', gaveUp.signal, locks);
    gaveUp.abort();
    await expect(abandoned).rejects.toThrow();
    await Promise.resolve();
    expect(freed).toBe(false);
    finish();
    await first;
    await waiting;
    expect(freed).toBe(true);
  });

  it('without Web Locks the work just runs', async () => {
    expect(await holdRunLock('r1', async () => 1, undefined)).toEqual({ ok: true, value: 1 });
    expect(await isRunLocked('r1', undefined)).toBe(false);
    expect(runLockName('x')).toBe('tabeval-run:x');
  });
});
