// What the report worker does, as plain functions over a run store (IndexedDB in the worker, memory
// in unit tests): opening a report file (read, size check, JSON, validation, verification), storing
// its replay run, and re-scoring it with the one run session of the app and the CLI, so that none
// of it takes the page's thread. The page gets small progress messages and, at the end, the run in
// slices (slicedTransfer.ts). Nothing is thrown to the page: every answer is a value.
import type { Report, ReportCase } from '../../../core/report/schema.ts';
import type {
  ExecutionJob,
  ExecutionOutcome,
  Executor,
  ExecutorInfo,
} from '../../../core/execution/schema.ts';
import { diffCaseVerdicts, type VerdictChange } from '../../../core/compare/diffCaseVerdicts.ts';
import { deviceLabel } from '../../../core/report/deviceLabel.ts';
import { sourceModelId } from '../../../core/report/sourceFacts.ts';
import type { RunRecord, RunStore } from '../../../core/run/runStore.ts';
import { isUnfinished, plannedRecords, runListing, type RunListing } from '../../../core/run/runListing.ts';
import { createRun, executeRun } from '../../../core/run/runSession.ts';
import type { RunProgress } from '../../../core/run/runSuite.ts';
import { suiteRunsCode } from '../../../core/scoring/scoreExec.ts';
import { suiteHash } from '../../../core/suite/suiteHash.ts';
import { replayReport } from '../../../engines/replay/replayReport.ts';
import { reportFacts, type ReportFacts } from '../../../throughput/compareDevices.ts';
import {
  sliceForTransfer,
  type ArrayPath,
  type SlicedValue,
  type TransferSlice,
} from '../../../workers/slicedTransfer.ts';
import { sendToPage } from '../../../workers/releaseCallback.ts';
import {
  LOADED_SUITE_ARRAYS,
  OPENED_REPORT_ARRAYS,
  REPLAY_RESULT_ARRAYS,
  RUN_ARRAYS,
  STORED_RUN_ARRAYS,
  STORED_RUN_SENT,
  WHILE_RUNNING,
} from './transferPaths.ts';
import { readReportFile, type ReportOpenPhase } from '../readReportFile.ts';
import { loadSuiteFromFiles } from '../suiteSources.ts';
import { readComparisonFile, type ComparisonFileRead } from '../../throughput/readComparisonFile.ts';

/** A value prepared in the worker, to fetch with `skeleton(token)` and `slice(token, i)`. */
export interface Prepared {
  token: string;
  slices: number;
}

/** Progress of a replay, at most every `progressMs`: the latest runner progress and the durations of
 * the records finished since the previous message (for the ETA). */
export interface ReplayProgress extends RunProgress {
  durations: number[];
  /** The records kept since the last progress, for a replay at the recorded speed (the page shows them as partial results). */
  records: ReportCase[];
}

export interface ReplayCallbacks {
  onProgress(progress: ReplayProgress): void;
  /** Streamed output of the current case (a paced replay), batched. */
  onToken(delta: string): void;
}

/** The page's Python sandbox, reachable from the worker (the sandbox's workers start from the page). */
export interface ExecutorBridge {
  ready(): Promise<void>;
  execute(job: ExecutionJob, jobId: number): Promise<ExecutionOutcome>;
  abort(jobId: number): void;
}

export type OpenReply =
  | { ok: true; runId: string; notes: string[]; runsCode: boolean; total: number; slices: number }
  | { ok: false; message: string };

/** How a replay pass ended: its `ReplayResult` (to fetch in `slices`), or why it could not start. */
export type ReplayEnd = { ok: true; slices: number } | { ok: false; message: string };

/**
 * A finished replay pass as the page receives it: the run without its plan (the page holds the
 * plan it was sent when the report opened; the recorded report's cases stay in the worker and
 * the store) and, for a complete pass, the verdicts that changed against the recorded ones.
 */
export interface ReplayResult {
  run: Omit<RunRecord, 'plan'>;
  changes: VerdictChange[] | null;
  /** For a pass that did not complete: every record stored so far (the partial results). */
  records: ReportCase[] | null;
}

/**
 * A stored run as the run page shows it (`openStored`): the run (a replay's plan without the
 * recorded report's cases), its stored records (unfinished runs), how many it has and makes, whether it runs code, and a
 * complete replay's verdict changes.
 */
export interface StoredRunView {
  run: RunRecord;
  /** Its stored records for an unfinished run (the partial results); empty for a complete one. */
  records: ReportCase[];
  /** How many records are stored. */
  done: number;
  planned: number;
  runsCode: boolean;
  changes: VerdictChange[] | null;
}

/** Why the runs kept in this browser could not be read, with the next step. */
function unreadable(e: unknown): { ok: false; message: string } {
  const detail = e instanceof Error ? e.message : String(e);
  return { ok: false, message: `${detail}. Reload the page; if it persists, free some disk space.` };
}

/** Verdicts a complete replay changed against its recorded report; null for anything else. */
function replayChanges(run: RunRecord): VerdictChange[] | null {
  return run.status === 'complete' && run.report && run.plan.outputs.kind === 'replay'
    ? diffCaseVerdicts(run.plan.outputs.report.cases, run.report.cases)
    : null;
}

export interface ReplayWorkerDeps {
  store: RunStore;
  /** Every stored run, newest first (the Runs page's list). */
  listRuns(): Promise<RunRecord[]>;
  /** The report of every complete run, newest first (the Devices page; no plan is read). */
  listCompleteReports(): Promise<Report[]>;
  /** Release a comlink callback proxy (no-op for plain functions). */
  release(callback: unknown): void;
  /** Milliseconds between progress messages (default 100). */
  progressMs?: number;
}

/** An `Executor` that runs each job in the page's sandbox. */
export function bridgedExecutor(info: ExecutorInfo, bridge: ExecutorBridge): Executor {
  let jobs = 0;
  return {
    info,
    ready: () => bridge.ready(),
    async execute(job, signal) {
      jobs += 1;
      const jobId = jobs;
      const onAbort = () => void Promise.resolve(bridge.abort(jobId)).catch(() => undefined);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await bridge.execute(job, jobId);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    dispose: async () => undefined,
  };
}

/** The report worker's API (see the file comment); `deps.store` is where runs are kept. */
export function createReplayWorkerApi(deps: ReplayWorkerDeps) {
  const progressMs = deps.progressMs ?? 100;
  const opened = new Map<string, RunRecord>();
  const transfers = new Map<string, SlicedValue<unknown>>();
  const aborts = new Map<string, AbortController>();
  let tokens = 0;

  const prepare = (
    token: string,
    value: unknown,
    paths: readonly ArrayPath[],
    only?: ReadonlySet<number>,
  ): number => {
    const sliced = sliceForTransfer(value, paths);
    const slices = only ? sliced.slices.filter((s) => only.has(s.path)) : sliced.slices;
    transfers.set(token, { skeleton: sliced.skeleton, slices });
    return slices.length;
  };

  return {
    /** Reads, checks and verifies a report file and stores its replay run (not yet started). */
    async openReport(
      file: File,
      pace: 'instant' | 'recorded',
      onPhase: (phase: ReportOpenPhase | 'saving') => void,
    ): Promise<OpenReply> {
      try {
        const read = await readReportFile(file, (phase) => onPhase(phase));
        if (!read.ok) return read;
        onPhase('saving');
        const { report, suite } = read;
        const run = await createRun(
          deps.store,
          {
            suite,
            params: report.params,
            device: report.device,
            outputs: { kind: 'replay', report, pace },
            caseTimeoutMs: null,
            ...(report.scoring
              ? { scoring: { passK: report.scoring.passK, execTimeoutMs: report.scoring.execTimeoutMs } }
              : {}),
          },
          {
            model: sourceModelId(report.source) ?? '(model not recorded)',
            device: deviceLabel(report.device),
          },
        );
        opened.set(run.id, run);
        return {
          ok: true,
          runId: run.id,
          notes: read.discrepancies.map((d) => `${d.path}: ${d.message}`),
          runsCode: suiteRunsCode(suite),
          total: report.cases.length,
          slices: prepare(run.id, run, RUN_ARRAYS, WHILE_RUNNING),
        };
      } catch (e) {
        return {
          ok: false,
          message: `Could not open the report: ${e instanceof Error ? e.message : String(e)}`,
        };
      } finally {
        deps.release(onPhase);
      }
    },

    /** Re-scores (or resumes) the stored replay run `runId`; its `ReplayResult` is then fetched in slices. */
    async executeReplay(
      runId: string,
      executorInfo: ExecutorInfo | null,
      bridge: ExecutorBridge | null,
      callbacks: ReplayCallbacks,
    ): Promise<ReplayEnd> {
      const sandbox = executorInfo && bridge ? { info: executorInfo, bridge } : null;
      const abort = new AbortController();
      aborts.set(runId, abort);
      // The newest case start and the newest other progress: the next generation starts before
      // the previous record is kept, so one cannot stand for the other.
      let latestStart: RunProgress | null = null;
      let latest: RunProgress | null = null;
      let durations: number[] = [];
      // Records and tokens go to the page only for a paced replay: an instant one is over before anyone reads them.
      let paced = false;
      let kept: ReportCase[] = [];
      let tokens = '';
      let lastSent = 0;
      let lastDoneAt = Date.now();
      let timer: ReturnType<typeof setTimeout> | null = null;
      const flush = () => {
        timer = null;
        lastSent = Date.now();
        if (tokens !== '') {
          sendToPage(callbacks.onToken, tokens);
          tokens = '';
        }
        const finished = durations;
        const records = kept;
        if (latestStart !== null || latest !== null) {
          durations = [];
          kept = [];
        }
        if (latestStart !== null) {
          const carry = latest === null;
          sendToPage(callbacks.onProgress, {
            ...latestStart,
            durations: carry ? finished : [],
            records: carry ? records : [],
          });
        }
        if (latest !== null) sendToPage(callbacks.onProgress, { ...latest, durations: finished, records });
        latestStart = null;
        latest = null;
      };
      // Sent at once when due: a replay's loop may run a while without letting a timer fire.
      const schedule = () => {
        if (timer !== null) return;
        const wait = lastSent + progressMs - Date.now();
        if (wait <= 0) flush();
        else timer = setTimeout(flush, wait);
      };
      try {
        const run = opened.get(runId) ?? (await deps.store.getRun(runId));
        opened.delete(runId);
        if (run?.plan.outputs.kind !== 'replay')
          return { ok: false, message: `no stored replay run ${runId}` };
        paced = run.plan.outputs.pace === 'recorded';
        const replay = await replayReport(run.plan.outputs.report, run.plan.suite, {
          pace: run.plan.outputs.pace,
        });
        if (!replay.ok) {
          return {
            ok: false,
            message: `The suite in this report no longer matches its recorded prompts (${replay.changed
              .map((c) => c.id)
              .join(', ')}): the report was edited after it was recorded.`,
          };
        }
        const { engine, only, recorded } = replay.input;
        const finished = await executeRun(run, {
          store: deps.store,
          engine,
          ...(sandbox ? { executor: bridgedExecutor(sandbox.info, sandbox.bridge) } : {}),
          ...(only && recorded ? { replay: { only, recorded } } : {}),
          signal: abort.signal,
          onProgress: (p) => {
            // The previous case's streamed tail goes out before the next case clears the stream.
            if (p.phase === 'case-start' && tokens !== '') {
              sendToPage(callbacks.onToken, tokens);
              tokens = '';
            }
            if (p.phase === 'case-start') latestStart = p;
            else latest = p;
            schedule();
          },
          // An instant replay's text goes by faster than anyone reads, and 10,000 outputs laid out
          // in the page's stream cost it seconds of layout: only a paced replay streams.
          onToken: (_id, delta) => {
            if (!paced) return;
            tokens += delta;
            schedule();
          },
          // Wall-clock time per record (generation, scoring, storing): what the ETA extrapolates.
          onCaseDone: (record) => {
            const now = Date.now();
            durations.push(now - lastDoneAt);
            lastDoneAt = now;
            if (paced) kept.push(record);
          },
        });
        const { plan: _plan, ...rest } = finished;
        const result: ReplayResult = {
          run: rest,
          changes: replayChanges(finished),
          records: finished.status === 'complete' ? null : await deps.store.getCases(runId),
        };
        return { ok: true, slices: prepare(runId, result, REPLAY_RESULT_ARRAYS) };
      } catch (e) {
        return { ok: false, message: `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
      } finally {
        if (timer !== null) clearTimeout(timer);
        flush();
        aborts.delete(runId);
        deps.release(callbacks);
        if (sandbox) deps.release(sandbox.bridge);
      }
    },

    /** Reads the stored run `runId` and its records for the run page (`StoredRunView`, in slices); null if none. */
    async openStored(runId: string): Promise<Prepared | null | { ok: false; message: string }> {
      try {
        const run = await deps.store.getRun(runId);
        if (!run) return null;
        const records = await deps.store.getCases(runId);
        const view: StoredRunView = {
          run,
          // A complete run shows its report; only an unfinished one shows its records.
          records: run.status === 'complete' ? [] : records,
          done: records.length,
          planned: plannedRecords(run),
          runsCode: suiteRunsCode(run.plan.suite),
          changes: replayChanges(run),
        };
        tokens += 1;
        const token = `stored:${tokens}`;
        return { token, slices: prepare(token, view, STORED_RUN_ARRAYS, STORED_RUN_SENT) };
      } catch (e) {
        return unreadable(e);
      }
    },

    /** Every stored run as lists show it (`RunListing`), newest first; or why the store cannot be read. */
    async listRuns(): Promise<RunListing[] | { ok: false; message: string }> {
      try {
        const runs = await deps.listRuns();
        return await Promise.all(
          runs.map(async (run) =>
            runListing(run, isUnfinished(run) ? await deps.store.getCases(run.id) : null),
          ),
        );
      } catch (e) {
        return unreadable(e);
      }
    },

    /** The comparison's facts of every complete run's report (the Devices page), newest first. */
    async keptReportFacts(): Promise<ReportFacts[] | { ok: false; message: string }> {
      try {
        return (await deps.listCompleteReports()).map(reportFacts);
      } catch (e) {
        return unreadable(e);
      }
    },

    /** A file chosen on the Devices page, read as the comparison takes it (`readComparisonFile`). */
    readComparisonFile(file: File): Promise<ComparisonFileRead> {
      return readComparisonFile(file);
    },

    /** Stops the replay of `runId` after its current record (finished records stay stored). */
    stop(runId: string): void {
      aborts.get(runId)?.abort();
    },

    /**
     * Reads a report file for the comparison (`readReportFile`, nothing stored); the answer is
     * prepared in slices (`OPENED_REPORT_ARRAYS`), or why it cannot be read.
     */
    async readReport(file: File): Promise<Prepared | { ok: false; message: string }> {
      const read = await readReportFile(file);
      if (!read.ok) return read;
      tokens += 1;
      const token = `report:${tokens}`;
      return { token, slices: prepare(token, read, OPENED_REPORT_ARRAYS) };
    },

    /**
     * Loads suite file(s) as the run page does (`loadSuiteFromFiles`), prepared in slices with the
     * suite's hash (`LoadedSuite & { hash }`).
     */
    async loadSuiteFiles(files: File[]): Promise<Prepared | { ok: false; message: string }> {
      const loaded = await loadSuiteFromFiles(files);
      if (!loaded.ok) return loaded;
      tokens += 1;
      const token = `suite:${tokens}`;
      // Its hash too (run links name it): hashing 20 MB of suite is no work for the page's thread.
      const hash = await suiteHash(loaded.suite);
      return { token, slices: prepare(token, { ...loaded, hash }, LOADED_SUITE_ARRAYS) };
    },

    /** A prepared value's skeleton (its big arrays empty), or null. */
    skeleton(token: string): unknown {
      const transfer = transfers.get(token);
      if (transfer?.slices.length === 0) transfers.delete(token);
      return transfer?.skeleton ?? null;
    },

    /** Slice `index` of a prepared value; the transfer is dropped after its last slice. */
    slice(token: string, index: number): TransferSlice | null {
      const transfer = transfers.get(token);
      const slice = transfer?.slices[index] ?? null;
      if (transfer && index >= transfer.slices.length - 1) transfers.delete(token);
      return slice;
    },
  };
}

export type ReplayWorkerApi = ReturnType<typeof createReplayWorkerApi>;
