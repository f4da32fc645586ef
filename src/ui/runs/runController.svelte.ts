// The run in progress (at most one per tab): starts, stops and resumes runs, streams the current
// case's output, persists every finished case at once, and holds the report when done.
import type { Engine, GenerationParams, ModelRef } from '../../core/engine.ts';
import type { Report, ReportCase } from '../../core/report/schema.ts';
import type { Suite } from '../../core/suite/types.ts';
import { runSuite, type RunProgress } from '../../core/run/runSuite.ts';
import { suiteHash } from '../../core/suite/suiteHash.ts';
import { diffCaseVerdicts, type VerdictChange } from '../../core/compare/diffCaseVerdicts.ts';
import { createReplayEngine, type RecordedOutput } from '../../engines/replay/createReplayEngine.ts';
import { putRun, putCase, getRun, getCases, type StoredRun } from '../../storage/runsDb.ts';
import { estimateEta } from './estimateEta.ts';
import { deviceLabel } from '../../core/report/deviceLabel.ts';

/** Per-case limit of a live run: generous for 7B on a phone, finite for a hung device. */
const LIVE_CASE_TIMEOUT_MS = 10 * 60 * 1000;

export type RunStatus = 'idle' | 'running' | 'stopping' | 'stopped' | 'complete' | 'error';

/** What starting a live run needs. */
export interface LiveRunRequest {
  suite: Suite;
  engine: Engine;
  model: ModelRef;
  modelLabel: string;
  params: GenerationParams;
  device: Record<string, unknown> | null;
  deviceLabel: string;
}

class RunController {
  #run = $state.raw<StoredRun | null>(null);
  #status = $state<RunStatus>('idle');
  #done = $state(0);
  #total = $state(0);
  #caseId = $state<string | null>(null);
  #stream = $state('');
  #caseStartedAt = 0;
  #streamedChars = $state(0);
  #now = $state(0);
  #durations = $state.raw<number[]>([]);
  #report = $state.raw<Report | null>(null);
  #error = $state<string | null>(null);
  #abort: AbortController | null = null;
  #pending = '';
  #flushScheduled = false;
  #liveEngine: Engine | null = null;

  get run(): StoredRun | null {
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
    return this.#report;
  }
  get error(): string | null {
    return this.#error;
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
    const run = this.#run;
    if (!run?.replay || !this.#report || this.#status !== 'complete') return undefined;
    return diffCaseVerdicts(run.replay.originalCases, this.#report.cases);
  }

  /** Re-scores an opened report with today's parser and scorers; returns the new run's id. */
  async startReplay(opened: Report, suite: Suite, pace: 'instant' | 'recorded'): Promise<string> {
    const recorded: Record<string, RecordedOutput> = {};
    for (const c of opened.cases)
      recorded[c.id] = { output: c.output, usage: c.usage, finishReason: c.finishReason };
    const run = await this.#newRun({
      source: 'replay',
      suite,
      params: { ...(opened.params as unknown as GenerationParams) },
      model: null,
      replay: {
        pace,
        recorded,
        originalCases: opened.cases,
        origin: {
          model: opened.model,
          engine: opened.engine,
          device: opened.device,
          createdAt: opened.createdAt,
        },
      },
      device: opened.device,
      modelLabel: opened.model?.id ?? '(replay)',
      deviceLabel: deviceLabel(opened.device),
    });
    void this.#execute(run, []);
    return run.id;
  }

  /** Starts a run of `suite` on a loaded model; returns the run's id. */
  async startLive(req: LiveRunRequest): Promise<string> {
    this.#liveEngine = req.engine;
    const run = await this.#newRun({
      source: 'webllm',
      suite: req.suite,
      params: req.params,
      model: req.model,
      replay: null,
      device: req.device,
      modelLabel: req.modelLabel,
      deviceLabel: req.deviceLabel,
    });
    void this.#execute(run, []);
    return run.id;
  }

  /**
   * Resumes a stored run at its first unfinished case. A live run needs its model loaded
   * (`engine`); a replay carries its outputs.
   */
  async resume(runId: string, engine?: Engine): Promise<void> {
    if (this.#status === 'running' || this.#status === 'stopping') return;
    const run = await getRun(runId);
    if (!run) throw new Error(`no stored run ${runId}`);
    if (run.source === 'webllm') {
      if (!engine) {
        this.#error = 'Load the model of this run first, then resume.';
        return;
      }
      this.#liveEngine = engine;
    }
    await this.#execute(run, await getCases(runId));
  }

  /** Shows a stored run (finished or interrupted) without running anything. */
  async open(runId: string): Promise<StoredRun | undefined> {
    if (this.#run?.id === runId) return this.#run;
    if (this.#status === 'running' || this.#status === 'stopping') return undefined;
    const run = await getRun(runId);
    if (!run) return undefined;
    const cases = await getCases(runId);
    this.#run = run;
    this.#status = run.status === 'running' ? 'stopped' : run.status;
    this.#total = run.suite.cases.length;
    this.#done = cases.length;
    this.#report = run.report;
    this.#error = null;
    this.#stream = '';
    this.#caseId = null;
    return run;
  }

  /** Stops after aborting the current generation; finished cases stay saved. */
  stop(): void {
    if (this.#status !== 'running') return;
    this.#status = 'stopping';
    this.#abort?.abort();
  }

  async #newRun(
    parts: Omit<StoredRun, 'id' | 'createdAt' | 'updatedAt' | 'status' | 'suiteHash' | 'report' | 'overall'>,
  ): Promise<StoredRun> {
    const now = new Date().toISOString();
    const run: StoredRun = {
      ...parts,
      id: crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      status: 'running',
      suiteHash: await suiteHash(parts.suite),
      report: null,
      overall: null,
    };
    await putRun(run);
    return run;
  }

  async #execute(run: StoredRun, done: ReportCase[]): Promise<void> {
    const engine = this.#engineFor(run);
    const order = new Map(run.suite.cases.map((c, i) => [c.id, i]));
    this.#run = { ...run, status: 'running' };
    await putRun(this.#run);
    this.#status = 'running';
    this.#error = null;
    this.#report = null;
    this.#total = run.suite.cases.length;
    this.#done = done.length;
    this.#durations = [];
    this.#abort = new AbortController();
    const timer = setInterval(() => (this.#now = performance.now()), 500);
    try {
      const { report, stopped } = await runSuite({
        suite: run.suite,
        engine,
        params: run.params,
        source: run.source,
        device: run.device,
        done,
        signal: this.#abort.signal,
        // A generation that never ends (a hung GPU, a runaway loop past max_tokens) must not stall
        // the run: it is recorded as a timeout and the next case starts.
        ...(run.source === 'webllm' ? { caseTimeoutMs: LIVE_CASE_TIMEOUT_MS } : {}),
        onProgress: (p) => this.#onProgress(p),
        onToken: (_id, delta) => this.#onToken(delta),
        onCaseDone: async (record) => {
          await putCase(run.id, order.get(record.id) ?? 0, record);
          if (record.durationMs !== null) this.#durations = [...this.#durations, record.durationMs];
        },
      });
      const finished: StoredRun = {
        ...run,
        status: stopped ? 'stopped' : 'complete',
        updatedAt: new Date().toISOString(),
        report: withReplayOrigin(report, run),
        overall: stopped ? null : report.summary.overall,
      };
      await putRun(finished);
      this.#run = finished;
      this.#report = finished.report;
      this.#status = finished.status;
    } catch (e) {
      this.#error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      this.#status = 'error';
    } finally {
      clearInterval(timer);
      this.#abort = null;
      this.#caseId = null;
    }
  }

  #engineFor(run: StoredRun): Engine {
    if (run.replay) {
      const recorded = new Map(Object.entries(run.replay.recorded));
      return createReplayEngine(run.suite, recorded, {
        pace: run.replay.pace,
        info: {
          modelId: run.replay.origin.model?.id ?? null,
          modelUrl: run.replay.origin.model?.url ?? null,
          modelLibUrl: run.replay.origin.model?.libUrl ?? null,
        },
      });
    }
    if (!this.#liveEngine) throw new Error('no engine for a live run');
    return this.#liveEngine;
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
      this.#stream += this.#pending;
      this.#streamedChars += this.#pending.length;
      this.#pending = '';
      this.#now = performance.now();
    });
  }
}

/** A replay report keeps the identity of the run it replays (model, engine, device, time). */
function withReplayOrigin(report: Report, run: StoredRun): Report {
  if (!run.replay) return report;
  const { model, device } = run.replay.origin;
  return { ...report, model, device };
}

export const runController = new RunController();
