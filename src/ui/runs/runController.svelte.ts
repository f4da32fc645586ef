// The run in progress in this tab, as reactive state over the core run session
// (core/run/runSession.ts): starts, stops and resumes runs stored in IndexedDB, streams the current
// case's output, and holds the report when a pass ends. The orchestration itself is core's.
import { holdRunLock, isRunLocked, whenRunUnlocked } from './runLock.ts';
import type { Engine, GenerationParams, ModelRef } from '../../core/engine.ts';
import type { DeviceBlock, Report, ReportCase } from '../../core/report/schema.ts';
import type { Suite } from '../../core/suite/types.ts';
import type { ScoringSettings } from '../../core/execution/schema.ts';
import type { RunProgress } from '../../core/run/runSuite.ts';
import type { RunRecord } from '../../core/run/runStore.ts';
import { createRun, executeRun, type RunSessionDeps } from '../../core/run/runSession.ts';
import { plannedRecords } from '../../core/run/runListing.ts';
import type { VerdictChange } from '../../core/compare/diffCaseVerdicts.ts';
import { deviceLabel } from '../../core/report/deviceLabel.ts';
import { runsDb } from '../../storage/runsDb.ts';
import { estimateEta } from './estimateEta.ts';
import { pythonSandbox } from '../exec/pythonSandbox.ts';
import { suiteRunsCode } from '../../core/scoring/scoreExec.ts';
import {
  openReportInWorker,
  openStoredInWorker,
  replayInWorker,
  stopReplayInWorker,
  type OpeningPhase,
} from './replay/replayClient.ts';
import type { ReplayProgress } from './replay/replayWorkerApi.ts';

/** Per-generation limit of a live run: generous for 7B on a phone, finite for a hung device. */
const LIVE_CASE_TIMEOUT_MS = 10 * 60 * 1000;
/** How much of the current case's output the page shows while it streams (its end). */
const STREAM_TAIL_CHARS = 6000;

/** `elsewhere`: another tab holds the run (it is running there); this tab offers no Resume. */
export type RunStatus = 'idle' | 'running' | 'stopping' | 'stopped' | 'complete' | 'error' | 'elsewhere';

/** What starting a live run needs. */
export interface LiveRunRequest {
  suite: Suite;
  engine: Engine;
  model: ModelRef;
  modelLabel: string;
  params: GenerationParams;
  /** pass@k's k values and the execution time limit. */
  scoring: Omit<ScoringSettings, 'executor'>;
  device: DeviceBlock | null;
}

class RunController {
  #run = $state.raw<RunRecord | null>(null);
  #status = $state<RunStatus>('idle');
  #done = $state(0);
  #total = $state(0);
  #caseId = $state<string | null>(null);
  #stream = $state('');
  #caseStartedAt = 0;
  #streamedChars = $state(0);
  #now = $state(0);
  #durations = $state.raw<number[]>([]);
  // The records shown as partial results: a live run's as they finish, a stopped run's as stored.
  // A replay in the worker sends its records only at the recorded speed (an instant one is over
  // at once, and its records can number 100,000).
  #records = $state.raw<ReportCase[]>([]);
  #error = $state<string | null>(null);
  #abort: AbortController | null = null;
  #pending = '';
  #flushScheduled = false;
  #liveEngine: Engine | null = null;
  #waitForLock: AbortController | null = null;
  #notes = $state.raw<string[]>([]);
  // A replay's verdict changes against the recorded report (computed where the recorded cases are).
  #changes = $state.raw<VerdictChange[] | undefined>(undefined);
  // Whether the shown run re-scores code (a replay's resume then needs the page's sandbox).
  #runsCode = false;

  get run(): RunRecord | null {
    return this.#run;
  }
  get status(): RunStatus {
    return this.#status;
  }
  get done(): number {
    return this.#done;
  }
  get total(): number {
    return this.#total;
  }
  get caseId(): string | null {
    return this.#caseId;
  }
  /** The current case's output so far (text, never HTML). */
  get stream(): string {
    return this.#stream;
  }
  get report(): Report | null {
    return this.#run?.report ?? null;
  }
  /** Case records finished so far (a live run's partial results, or a stopped run's). */
  get records(): readonly ReportCase[] {
    return this.#records;
  }
  get error(): string | null {
    return this.#error;
  }
  /** For a re-scored report: its stored values that its own content contradicted (recomputed). */
  get notes(): readonly string[] {
    return this.#notes;
  }
  /** Seconds left, from the mean duration of the cases finished in this session; null until one is. */
  get etaSeconds(): number | null {
    return estimateEta(this.#durations, this.#total - this.#done);
  }
  /** Live estimate of decode speed for the current case (4 characters per token), or null. */
  get liveTokensPerSecond(): number | null {
    const seconds = (this.#now - this.#caseStartedAt) / 1000;
    return this.#streamedChars > 0 && seconds > 0.2 ? this.#streamedChars / 4 / seconds : null;
  }
  /** For a replay: what changed against the verdicts recorded in the opened report. */
  get changes(): VerdictChange[] | undefined {
    return this.#status === 'complete' ? this.#changes : undefined;
  }

  /**
   * Opens a report file and re-scores it with today's parser and scorers, all in the report worker
   * (`onPhase` hears each step of opening); resolves with the new run's id once it is stored and
   * running, or why the file cannot be opened.
   */
  async startReplayFile(
    file: File,
    pace: 'instant' | 'recorded',
    onPhase: (phase: OpeningPhase) => void = () => undefined,
  ): Promise<{ ok: true; id: string } | { ok: false; message: string; cancelled?: true }> {
    const opened = await openReportInWorker(file, pace, onPhase);
    if (!opened.ok) return opened;
    this.#notes = opened.notes;
    this.#runsCode = opened.runsCode;
    void this.#executeReplay(opened.run, opened.total, opened.runsCode);
    return { ok: true, id: opened.run.id };
  }

  /** Starts a run of `suite` on a loaded model; returns the run's id. */
  async startLive(req: LiveRunRequest): Promise<string> {
    this.#liveEngine = req.engine;
    const run = await createRun(
      runsDb,
      {
        suite: req.suite,
        params: req.params,
        device: req.device,
        outputs: { kind: 'live', model: req.model },
        caseTimeoutMs: LIVE_CASE_TIMEOUT_MS,
        scoring: req.scoring,
      },
      { model: req.modelLabel, device: deviceLabel(req.device) },
    );
    void this.#execute(run);
    return run.id;
  }

  /**
   * Resumes a stored run at its first unfinished case. A live run needs its model loaded
   * (`engine`); a replay carries its outputs.
   */
  async resume(runId: string, engine?: Engine): Promise<void> {
    if (this.#status === 'running' || this.#status === 'stopping' || this.#status === 'elsewhere') return;
    // The run this page shows (as `open` read it), else read it now.
    if (this.#run?.id !== runId && !(await this.open(runId))) throw new Error(`no stored run ${runId}`);
    const run = this.#run;
    if (!run) throw new Error(`no stored run ${runId}`);
    // `open` may have found it running in another tab.
    if ((this.#status as RunStatus) === 'elsewhere') return;
    if (run.plan.outputs.kind === 'live') {
      if (!engine) {
        this.#error = 'Load the model of this run first, then resume.';
        return;
      }
      this.#liveEngine = engine;
      await this.#execute(run);
      return;
    }
    await this.#executeReplay(run, this.#total, this.#runsCode);
  }

  /**
   * Shows a stored run (finished or interrupted) without running anything. It is read in the
   * report worker: a replay's plan then comes without the recorded report's cases.
   */
  async open(runId: string): Promise<RunRecord | undefined> {
    if (this.#run?.id === runId) return this.#run;
    if (this.#status === 'running' || this.#status === 'stopping') return undefined;
    const view = await openStoredInWorker(runId);
    if (!view) return undefined;
    const { run, records } = view;
    this.#waitForLock?.abort();
    this.#waitForLock = null;
    this.#notes = [];
    this.#changes = view.changes ?? undefined;
    this.#runsCode = view.runsCode;
    this.#run = run;
    // "running" in the store is a run still going in another tab, or one whose tab went away.
    const elsewhere = run.status === 'running' && (await isRunLocked(runId));
    this.#status = elsewhere ? 'elsewhere' : run.status === 'running' ? 'stopped' : run.status;
    if (elsewhere) this.#reopenWhenFree(runId);
    this.#total = view.planned;
    this.#done = view.done;
    this.#records = records;
    this.#error = run.error;
    this.#stream = '';
    this.#caseId = null;
    return run;
  }

  // When the other tab lets go (finished, stopped, closed, crashed), show the run as it is now.
  #reopenWhenFree(runId: string): void {
    this.#waitForLock?.abort();
    const waiting = new AbortController();
    this.#waitForLock = waiting;
    whenRunUnlocked(runId, waiting.signal)
      .then(async () => {
        if (waiting.signal.aborted || this.#run?.id !== runId || this.#status !== 'elsewhere') return;
        this.#waitForLock = null;
        this.#status = 'idle';
        this.#run = null;
        await this.open(runId);
      })
      .catch(() => undefined);
  }

  /** Stops after aborting the current generation; finished cases stay saved. */
  stop(): void {
    if (this.#status !== 'running') return;
    this.#status = 'stopping';
    this.#abort?.abort();
  }

  // A replay runs in the report worker; this tab holds the run's lock while it does.
  async #executeReplay(run: RunRecord, total: number, runsCode: boolean): Promise<void> {
    this.#run = { ...run, status: 'running' };
    this.#changes = undefined;
    this.#error = null;
    this.#status = 'running';
    this.#total = total;
    this.#done = 0;
    this.#durations = [];
    this.#records = [];
    this.#stream = '';
    const abort = new AbortController();
    this.#abort = abort;
    abort.signal.addEventListener('abort', () => stopReplayInWorker(run.id), { once: true });
    const timer = setInterval(() => (this.#now = performance.now()), 500);
    try {
      const executor = runsCode ? await pythonSandbox() : null;
      const held = await holdRunLock(run.id, () =>
        replayInWorker(run.id, executor, {
          onProgress: (p) => this.#onReplayProgress(p),
          onToken: (delta) => this.#onToken(delta),
        }),
      );
      if (!held.ok) {
        this.#status = 'elsewhere';
        this.#reopenWhenFree(run.id);
        return;
      }
      if (!held.value.ok) {
        this.#error = held.value.message;
        this.#status = 'error';
        return;
      }
      // The page keeps the plan it was sent at opening (the suite; the recorded cases stay in the worker).
      const finished: RunRecord = { ...held.value.run, plan: run.plan };
      performance.mark('tabeval:replay-received'); // perf/app.ts: re-scored and back on the page
      this.#changes = held.value.changes ?? undefined;
      this.#run = finished;
      this.#status = finished.status === 'running' ? 'stopped' : finished.status;
      this.#error = finished.error;
      if (held.value.records) this.#records = held.value.records;
    } finally {
      clearInterval(timer);
      this.#abort = null;
      this.#caseId = null;
    }
  }

  #onReplayProgress(p: ReplayProgress): void {
    this.#onProgress(p);
    if (p.durations.length > 0) this.#durations = [...this.#durations, ...p.durations];
    if (p.records.length > 0) this.#records = [...this.#records, ...p.records];
  }

  async #deps(run: RunRecord): Promise<RunSessionDeps | string> {
    const executor = suiteRunsCode(run.plan.suite) ? { executor: await pythonSandbox() } : {};
    if (!this.#liveEngine) return 'no engine for a live run';
    return { store: runsDb, engine: this.#liveEngine, ...executor };
  }

  async #execute(run: RunRecord): Promise<void> {
    const deps = await this.#deps(run);
    this.#run = { ...run, status: 'running' };
    this.#changes = undefined;
    this.#error = null;
    if (typeof deps === 'string') {
      this.#error = deps;
      this.#status = 'error';
      return;
    }
    const records = await runsDb.getCases(run.id);
    this.#status = 'running';
    this.#records = records;
    this.#total = plannedRecords(run);
    this.#done = records.length;
    this.#durations = [];
    const abort = new AbortController();
    this.#abort = abort;
    const timer = setInterval(() => (this.#now = performance.now()), 500);
    try {
      const held = await holdRunLock(run.id, () =>
        executeRun(run, {
          ...deps,
          signal: abort.signal,
          onProgress: (p) => this.#onProgress(p),
          onToken: (_id, delta) => this.#onToken(delta),
          onCaseDone: (record) => {
            this.#records = [...this.#records, record];
            if (record.durationMs !== null) this.#durations = [...this.#durations, record.durationMs];
          },
        }),
      );
      if (!held.ok) {
        // Another tab took the run between opening it here and pressing Resume.
        this.#status = 'elsewhere';
        this.#reopenWhenFree(run.id);
        return;
      }
      const finished = held.value;
      this.#run = finished;
      this.#status = finished.status === 'running' ? 'stopped' : finished.status;
      this.#error = finished.error;
    } finally {
      clearInterval(timer);
      this.#abort = null;
      this.#caseId = null;
    }
  }

  #onProgress(p: RunProgress): void {
    this.#done = p.done;
    this.#total = p.total;
    if (p.phase === 'case-start') {
      this.#caseId = p.caseId;
      this.#pending = '';
      this.#stream = '';
      this.#streamedChars = 0;
      this.#caseStartedAt = performance.now();
    }
  }

  // Tokens arrive faster than a person reads; repaint at most once per animation frame.
  #onToken(delta: string): void {
    this.#pending += delta;
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    requestAnimationFrame(() => {
      this.#flushScheduled = false;
      // Only the tail is shown: laying out a runaway output's whole text again every frame
      // would take the page's thread for seconds.
      const stream = this.#stream + this.#pending;
      this.#stream = stream.length > STREAM_TAIL_CHARS ? `…${keepTail(stream, STREAM_TAIL_CHARS)}` : stream;
      this.#streamedChars += this.#pending.length;
      this.#pending = '';
      this.#now = performance.now();
    });
  }
}

/** The last `max` UTF-16 units of `text`, never starting inside a surrogate pair. */
function keepTail(text: string, max: number): string {
  const tail = text.slice(-max);
  const first = tail.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? tail.slice(1) : tail;
}

export const runController = new RunController();
