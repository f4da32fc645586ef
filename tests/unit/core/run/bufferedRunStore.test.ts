import { describe, expect, it } from 'vitest';
import { bufferedRunStore, type BatchWriter } from '../../../../src/core/run/bufferedRunStore.ts';
import { createMemoryRunStore, type RunRecord } from '../../../../src/core/run/runStore.ts';
import type { ReportCase } from '../../../../src/core/report/schema.ts';

function batchingMemoryStore(): BatchWriter & { batches: number[] } {
  const inner = createMemoryRunStore();
  const batches: number[] = [];
  return {
    ...inner,
    batches,
    async putCases(runId, rows) {
      batches.push(rows.length);
      for (const { index, record } of rows) await inner.putCase(runId, index, record);
    },
  };
}

const record = (id: string) => ({ id }) as unknown as ReportCase;
const run = { id: 'r', status: 'complete' } as unknown as RunRecord;

describe('the buffered run store', () => {
  it('writes queued records together, and all of them before the run record or any read', async () => {
    const inner = batchingMemoryStore();
    const store = bufferedRunStore(inner, { maxRecords: 3, maxWaitMs: 60_000 });
    for (let i = 0; i < 7; i += 1) await store.putCase('r', i, record(`c${i}`));
    await store.putRun(run);
    expect(inner.batches).toEqual([3, 3, 1]);
    expect((await inner.getCases('r')).map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect((await store.getCases('r')).length).toBe(7);
  });

  it('writes a lone record after the wait', async () => {
    const inner = batchingMemoryStore();
    const store = bufferedRunStore(inner, { maxRecords: 100, maxWaitMs: 5 });
    await store.putCase('r', 0, record('only'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await inner.getCases('r')).map((c) => c.id)).toEqual(['only']);
  });

  it('reports a failed write on the next call instead of losing records silently', async () => {
    const inner = batchingMemoryStore();
    inner.putCases = () => Promise.reject(new Error('quota exceeded'));
    const store = bufferedRunStore(inner, { maxRecords: 100, maxWaitMs: 60_000 });
    await store.putCase('r', 0, record('a'));
    // Reads still answer (the Runs page, a run's page), with what was stored.
    await expect(store.getCases('r')).resolves.toEqual([]);
    await expect(store.putCase('r', 1, record('b'))).rejects.toThrow('quota exceeded');
    await expect(store.putRun(run)).rejects.toThrow('quota exceeded');
    // Reported to the pass that lost records; the next pass writes afresh.
    inner.putCases = async () => undefined;
    await expect(store.putRun(run)).resolves.toBeUndefined();
    await expect(store.putCase('r', 2, record('c'))).resolves.toBeUndefined();
  });
});
