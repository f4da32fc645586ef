// The page side of the report worker: opening a report file and re-scoring it run there; the
// page receives small progress messages and the run record in slices, so no step of opening a
// 10,000-case report holds the page's thread for long.
import type { Executor } from '../../../core/execution/schema.ts';
import type { RunRecord } from '../../../core/run/runStore.ts';
import type { RunListing } from '../../../core/run/runListing.ts';
import type { ReportFacts } from '../../../throughput/compareDevices.ts';
import type { ComparisonFileRead } from '../../throughput/readComparisonFile.ts';
import { WorkerClient, type WorkerDeath } from '../../../workers/workerClient.ts';
import { byReference } from '../../../workers/pagePort.ts';
import { joinTransferSlices, type ArrayPath, type TransferSlice } from '../../../workers/slicedTransfer.ts';
import type { OpenedReport, ReportOpenPhase } from '../readReportFile.ts';
import type { LoadedSuite } from '../suiteSources.ts';
import { rememberSuiteHash } from '../../compare/shareContext.ts';
import {
  LOADED_SUITE_ARRAYS,
  OPENED_REPORT_ARRAYS,
  REPLAY_RESULT_ARRAYS,
  RUN_ARRAYS,
  STORED_RUN_ARRAYS,
} from './transferPaths.ts';
import type {
  Prepared,
  ExecutorBridge,
  OpenReply,
  ReplayCallbacks,
  ReplayEnd,
  ReplayResult,
  ReplayWorkerApi,
  StoredRunView,
} from './replayWorkerApi.ts';

export type OpeningPhase = ReportOpenPhase | 'saving';

/** A report opened in the worker: its stored run (the recorded cases not yet sent), or why not. */
export type OpenedInWorker =
  | { ok: true; run: RunRecord; notes: string[]; runsCode: boolean; total: number }
  | { ok: false; message: string; cancelled?: true };

const client = new WorkerClient<ReplayWorkerApi>(
  () =>
    new Worker(new URL('./reportWorker.ts', import.meta.url), {
      type: 'module',
      name: 'tabeval-reports',
    }),
);

function deathMessage(death: WorkerDeath): string {
  return `The report worker stopped (${death.detail}). Reload the page and try again.`;
}

/** A value prepared in the worker, fetched in slices (one message, one short task each). */
async function fetchSliced<T>(token: string, slices: number, paths: readonly ArrayPath[]): Promise<T | null> {
  const skeleton = await client.call(
    (api) => api.skeleton(token),
    () => null,
  );
  if (skeleton === null) return null;
  // Asked for all at once (the worker answers in order, one message each): no round trip per slice.
  const parts = await Promise.all(
    Array.from({ length: slices }, (_, i) =>
      client.call<TransferSlice | null>(
        (api) => api.slice(token, i),
        () => null,
      ),
    ),
  );
  if (parts.some((part) => part === null)) return null;
  return joinTransferSlices(skeleton as T, paths, parts as TransferSlice[]);
}

const fetchRun = (runId: string, slices: number) => fetchSliced<RunRecord>(runId, slices, RUN_ARRAYS);

/** `readReportFile` in the worker (for the comparison): the same answer, the page's thread kept free. */
export async function readReportFileInWorker(file: File): Promise<OpenedReport> {
  const reply = await client.call<Prepared | { ok: false; message: string }>(
    (api) => api.readReport(file),
    (death) => ({ ok: false, message: `${file.name}: ${deathMessage(death)}` }),
  );
  if ('ok' in reply) return reply;
  const read = await fetchSliced<OpenedReport>(reply.token, reply.slices, OPENED_REPORT_ARRAYS);
  return read ?? { ok: false, message: `${file.name}: the report worker lost the file. Try again.` };
}

/** `loadSuiteFromFiles` in the worker (the run page): the same answer, the page's thread kept free. */
export async function loadSuiteFilesInWorker(files: readonly File[]): Promise<LoadedSuite> {
  const reply = await client.call<Prepared | { ok: false; message: string }>(
    (api) => api.loadSuiteFiles([...files]),
    (death) => ({ ok: false, message: deathMessage(death) }),
  );
  if ('ok' in reply) return reply;
  const loaded = await fetchSliced<LoadedSuite & { ok: true; hash: string }>(
    reply.token,
    reply.slices,
    LOADED_SUITE_ARRAYS,
  );
  if (loaded === null)
    return { ok: false, message: 'The report worker lost the suite file. Choose it again.' };
  const { hash, ...suite } = loaded;
  rememberSuiteHash(suite.suite, hash);
  return suite;
}

/** Reads, checks and verifies `file` in the worker and stores its replay run there. */
export async function openReportInWorker(
  file: File,
  pace: 'instant' | 'recorded',
  onPhase: (phase: OpeningPhase) => void,
): Promise<OpenedInWorker> {
  const reply = await client.call<OpenReply | { ok: false; message: string; cancelled: true }>(
    (api) => api.openReport(file, pace, byReference(onPhase)),
    (death) =>
      death.cause === 'terminated'
        ? { ok: false, message: 'Opening the report was cancelled.', cancelled: true }
        : { ok: false, message: deathMessage(death) },
  );
  if (!reply.ok) return reply;
  performance.mark('tabeval:open-replied');
  const run = await fetchRun(reply.runId, reply.slices);
  performance.mark('tabeval:open-received');
  if (run === null) return { ok: false, message: 'The report worker lost the opened run. Try again.' };
  return { ok: true, run, notes: reply.notes, runsCode: reply.runsCode, total: reply.total };
}

/**
 * A stored run and its records read in the worker (a 10,000-case run is tens of MB to read back
 * from IndexedDB): undefined if there is no such run; rejects if the store cannot be read.
 */
export async function openStoredInWorker(runId: string): Promise<StoredRunView | undefined> {
  const reply = await client.call<Prepared | null | { ok: false; message: string }>(
    (api) => api.openStored(runId),
    (death) => ({ ok: false, message: deathMessage(death) }),
  );
  if (reply === null) return undefined;
  if ('ok' in reply) throw new Error(reply.message);
  const view = await fetchSliced<StoredRunView>(reply.token, reply.slices, STORED_RUN_ARRAYS);
  if (view === null) throw new Error('The report worker lost the stored run. Reload the page.');
  return view;
}

/** Every stored run as lists show it, read in the worker; rejects if the store cannot be read. */
export async function listRunsInWorker(): Promise<RunListing[]> {
  return listOrThrow(
    await client.call<RunListing[] | StoreFailure>(
      (api) => api.listRuns(),
      (death) => ({ ok: false, message: deathMessage(death) }),
    ),
  );
}

type StoreFailure = { ok: false; message: string };

function listOrThrow<T>(reply: T[] | StoreFailure): T[] {
  if (!Array.isArray(reply)) throw new Error(reply.message);
  return reply;
}

/** The comparison's facts of every complete run kept in this browser, read in the worker; rejects if the store cannot be read. */
export async function keptReportFactsInWorker(): Promise<ReportFacts[]> {
  return listOrThrow(
    await client.call<ReportFacts[] | StoreFailure>(
      (api) => api.keptReportFacts(),
      (death) => ({ ok: false, message: deathMessage(death) }),
    ),
  );
}

/** A file for the Devices page's comparison, read in the worker; never rejects. */
export function readComparisonFileInWorker(file: File): Promise<ComparisonFileRead> {
  return client.call<ComparisonFileRead>(
    (api) => api.readComparisonFile(file),
    (death) => ({ ok: false, text: deathMessage(death) }),
  );
}

/** Stops opening a report (the worker is ended; the next call starts a fresh one). */
export function cancelOpening(): void {
  client.terminate('cancelled');
}

/** The page's sandbox as the worker calls it: one abort controller per job. */
function sandboxBridge(executor: Executor): ExecutorBridge {
  const aborts = new Map<number, AbortController>();
  return byReference({
    ready: () => executor.ready(),
    async execute(job, jobId) {
      const abort = new AbortController();
      aborts.set(jobId, abort);
      try {
        return await executor.execute(job, abort.signal);
      } finally {
        aborts.delete(jobId);
      }
    },
    abort(jobId) {
      aborts.get(jobId)?.abort();
    },
  } satisfies ExecutorBridge);
}

/** A replay pass's end: the run as stored after it (without its plan) and the verdict changes, or why it did not run. */
export type ReplayedInWorker = ({ ok: true } & ReplayResult) | { ok: false; message: string };

/** Re-scores (or resumes) the stored replay run `runId` in the worker. Never rejects. */
export async function replayInWorker(
  runId: string,
  executor: Executor | null,
  callbacks: ReplayCallbacks,
): Promise<ReplayedInWorker> {
  const end = await client.call<ReplayEnd>(
    (api) =>
      api.executeReplay(
        runId,
        executor?.info ?? null,
        executor ? sandboxBridge(executor) : null,
        byReference(callbacks),
      ),
    (death) => ({ ok: false, message: deathMessage(death) }),
  );
  if (!end.ok) return end;
  performance.mark('tabeval:replay-ended');
  const result = await fetchSliced<ReplayResult>(runId, end.slices, REPLAY_RESULT_ARRAYS);
  return result === null
    ? { ok: false, message: 'The report worker lost the re-scored run. Reload the page.' }
    : { ok: true, ...result };
}

/** Asks the worker to stop the replay of `runId` after its current record. */
export function stopReplayInWorker(runId: string): void {
  void client.callIfConnected((api) => api.stop(runId), undefined);
}
