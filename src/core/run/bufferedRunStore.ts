import type { ReportCase } from '../report/schema.ts';
import type { RunStore } from './runStore.ts';

/** A store that writes many case records at once (IndexedDB: one transaction). */
export interface BatchWriter extends RunStore {
  putCases(runId: string, rows: readonly { index: number; record: ReportCase }[]): Promise<void>;
}

export interface BufferOptions {
  /** Records held before they are written (default 500). */
  maxRecords?: number;
  /** Longest a record waits to be written, in milliseconds (default 250). */
  maxWaitMs?: number;
}

/**
 * A `RunStore` over `store` whose `putCase` only queues the record and resolves at once; queued
 * records are written together (`putCases`) every `maxRecords` or `maxWaitMs`, and before any other
 * call (`putRun`, `getRun`, `getCases`), so a run's final record never lands before its cases. For
 * replays, whose records can be recomputed: a crash loses at most the last `maxWaitMs` of them,
 * where one transaction per record would cost a millisecond or more each. A failed write is
 * thrown by the next `putCase` and by the next `putRun` (which then clears it: the pass ends with
 * that error); reads still answer with what is stored. Never drops a queued record silently.
 */
export function bufferedRunStore(store: BatchWriter, options: BufferOptions = {}): RunStore {
  const maxRecords = options.maxRecords ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 250;
  let queue: { runId: string; index: number; record: ReportCase }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;

  const flush = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length > 0) {
      writing = writing.then(async () => {
        const byRun = new Map<string, { index: number; record: ReportCase }[]>();
        for (const { runId, index, record } of batch) {
          const rows = byRun.get(runId) ?? [];
          rows.push({ index, record });
          byRun.set(runId, rows);
        }
        for (const [runId, rows] of byRun) {
          await store.putCases(runId, rows).catch((e: unknown) => {
            failure ??= e;
          });
        }
      });
    }
    return writing.then(() => {
      if (failure !== null) throw failure;
    });
  };

  // Reads wait for the queued writes but do not fail with them: what is stored is still readable.
  const settled = () => flush().catch(() => undefined);

  return {
    async putRun(run) {
      try {
        await flush();
      } catch (e) {
        // Reported once, to the pass whose records were lost; the next pass writes afresh.
        failure = null;
        throw e;
      }
      await store.putRun(run);
    },
    async getRun(id) {
      await settled();
      return store.getRun(id);
    },
    async putCase(runId, index, record) {
      if (failure !== null) throw failure;
      queue.push({ runId, index, record });
      if (queue.length >= maxRecords) void flush().catch(() => undefined);
      else timer ??= setTimeout(() => void flush().catch(() => undefined), maxWaitMs);
    },
    async getCases(runId) {
      await settled();
      return store.getCases(runId);
    },
  };
}
