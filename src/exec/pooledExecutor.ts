// The controller both executors share: one runtime runs jobs one at a time while a pre-warmed spare
// waits. A time limit first interrupts (when the runtime can), then kills; a killed, exited or
// dirty runtime is replaced by the spare and a new spare starts. Verdicts are decided here.
import * as v from 'valibot';
import { interpretOutcome, type HarnessJob, type HarnessReport } from '../core/execution/harness.ts';
import type { ExecutionJob, ExecutionOutcome, Executor, ExecutorInfo } from '../core/execution/schema.ts';
import { lostRunOutcome, timeoutOutcome } from '../core/execution/verdicts.ts';
import { newNonce, RuntimeMessageSchema, type JobRequest, type RuntimeMessage } from './protocol.ts';

/** Why a runtime stopped: `memory` (over its memory cap), `crashed` (it ended by itself), `killed` (by us). */
export interface RuntimeDeath {
  cause: 'memory' | 'crashed' | 'killed';
  detail: string;
}

/** One interpreter in its own worker or process. */
export interface PythonRuntime {
  /** Sends a request; replies arrive through `onMessage`. */
  send(request: JobRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Resolves once, when the runtime has stopped for whatever reason. */
  readonly died: Promise<RuntimeDeath>;
  /** Asks the interpreter to raise KeyboardInterrupt; false when this runtime cannot. */
  interrupt(): boolean;
  /** Clears a pending interrupt before a job. */
  clearInterrupt(): void;
  kill(detail: string): void;
}

export interface PooledExecutorOptions {
  /** Time after the limit (and the interrupt) before the runtime is killed. */
  graceMs?: number;
  /** Keep a pre-warmed spare runtime (default true). */
  spare?: boolean;
}

class Slot {
  readonly runtime: PythonRuntime;
  readonly ready: Promise<{ ok: true; loadMs: number } | { ok: false; detail: string }>;
  #listeners = new Set<(message: RuntimeMessage) => void>();
  /** The runtime has stopped (a spare can die while it waits). */
  dead = false;

  constructor(runtime: PythonRuntime) {
    this.runtime = runtime;
    let settle: (value: { ok: true; loadMs: number } | { ok: false; detail: string }) => void = () =>
      undefined;
    this.ready = new Promise((resolve) => (settle = resolve));
    runtime.onMessage((raw) => {
      const parsed = v.safeParse(RuntimeMessageSchema, raw);
      if (!parsed.success) return;
      const message = parsed.output;
      if (message.type === 'ready') settle({ ok: true, loadMs: message.loadMs });
      else if (message.type === 'failed') settle({ ok: false, detail: message.detail });
      for (const listener of this.#listeners) listener(message);
    });
    void runtime.died.then((death) => {
      this.dead = true;
      settle({ ok: false, detail: death.detail });
    });
  }

  listen(listener: (message: RuntimeMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function abortError(): Error {
  return new DOMException('the execution was aborted', 'AbortError');
}

function toHarnessJob(job: ExecutionJob): HarnessJob {
  return {
    code: job.solution.code,
    tests: job.spec.tests,
    ...(job.spec.setup !== undefined ? { setup: job.spec.setup } : {}),
    ...(job.spec.entry_point !== undefined ? { entryPoint: job.spec.entry_point } : {}),
  };
}

type RunEnd = { report: HarnessReport } | { death: RuntimeDeath } | { aborted: true };

/** An `Executor` over runtimes made by `factory`. */
export class PooledExecutor implements Executor {
  readonly info: ExecutorInfo;
  #factory: () => PythonRuntime;
  #graceMs: number;
  #keepSpare: boolean;
  #active: Slot | undefined;
  #spare: Slot | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #disposed = false;
  /** Load time of the last runtime that became ready, for benchmarks. */
  lastLoadMs: number | undefined;

  constructor(info: ExecutorInfo, factory: () => PythonRuntime, options: PooledExecutorOptions = {}) {
    this.info = info;
    this.#factory = factory;
    this.#graceMs = options.graceMs ?? 1000;
    this.#keepSpare = options.spare ?? true;
  }

  #start(): Slot {
    return new Slot(this.#factory());
  }

  /** The active runtime, started on first use; the spare starts once it is ready. */
  #activeSlot(): Slot {
    if (this.#spare?.dead) this.#spare = undefined;
    if (this.#active?.dead) this.#active = undefined;
    if (!this.#active) {
      this.#active = this.#spare ?? this.#start();
      this.#spare = undefined;
      const active = this.#active;
      void active.ready.then((state) => {
        if (state.ok) this.lastLoadMs = state.loadMs;
        if (state.ok && this.#keepSpare && !this.#disposed && this.#active === active && !this.#spare) {
          this.#spare = this.#start();
        }
      });
    }
    return this.#active;
  }

  /** Drops the active runtime (killing it); the spare takes over at the next job. */
  #recycle(detail: string): void {
    const active = this.#active;
    this.#active = undefined;
    active?.runtime.kill(detail);
  }

  async ready(): Promise<void> {
    if (this.#disposed) throw new Error('the executor was disposed');
    const state = await this.#activeSlot().ready;
    if (!state.ok) throw new Error(`Pyodide failed to load: ${state.detail}`);
  }

  execute(job: ExecutionJob, signal?: AbortSignal): Promise<ExecutionOutcome> {
    if (this.#disposed) return Promise.reject(new Error('the executor was disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    const run = this.#queue.then(() => this.#run(job, signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(job: ExecutionJob, signal: AbortSignal | undefined): Promise<ExecutionOutcome> {
    if (this.#disposed) throw new Error('the executor was disposed');
    if (signal?.aborted) throw abortError();
    let slot = this.#activeSlot();
    let state = await slot.ready;
    if (!state.ok) {
      // One retry on a fresh runtime: a spare that died while waiting is not the job's fault.
      this.#recycle('it failed to load');
      slot = this.#activeSlot();
      state = await slot.ready;
      if (!state.ok) {
        this.#recycle('it failed to load');
        return lostRunOutcome('sandbox_error', `the Python sandbox failed to load: ${state.detail}`, 0);
      }
    }
    if (this.#disposed) throw new Error('the executor was disposed');
    return this.#runOn(slot, job, signal);
  }

  async #runOn(slot: Slot, job: ExecutionJob, signal: AbortSignal | undefined): Promise<ExecutionOutcome> {
    const runtime = slot.runtime;
    const request: JobRequest = {
      type: 'job',
      id: this.#nextId++,
      nonce: newNonce(),
      job: toHarnessJob(job),
    };
    const started = performance.now();
    let interrupted = false;
    let killedForTime = false;
    let stopListening: () => void = () => undefined;
    let onAbort: () => void = () => undefined;
    const end = new Promise<RunEnd>((resolve) => {
      stopListening = slot.listen((message) => {
        if (message.type === 'result' && message.id === request.id && message.nonce === request.nonce) {
          resolve({ report: message.report });
        }
      });
      void runtime.died.then((death) => resolve({ death }));
      onAbort = () => resolve({ aborted: true });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const kill = setTimeout(() => {
      killedForTime = true;
      runtime.kill('the time limit was reached');
    }, job.timeoutMs + this.#graceMs);
    const interrupt = setTimeout(() => {
      interrupted = runtime.interrupt();
      if (!interrupted) {
        killedForTime = true;
        runtime.kill('the time limit was reached');
      }
    }, job.timeoutMs);
    runtime.clearInterrupt();
    runtime.send(request);
    const result = await end;
    clearTimeout(kill);
    clearTimeout(interrupt);
    stopListening();
    signal?.removeEventListener('abort', onAbort);
    const elapsed = performance.now() - started;
    if (this.#disposed) throw new Error('the executor was disposed');

    if ('aborted' in result) {
      this.#recycle('the run was aborted');
      throw abortError();
    }
    if ('death' in result) {
      this.#recycle('it died');
      if (killedForTime) return timeoutOutcome(job.timeoutMs, elapsed);
      if (result.death.cause === 'memory') {
        return lostRunOutcome('memory', `ran out of memory: ${result.death.detail}`, elapsed);
      }
      return lostRunOutcome('sandbox_error', `the Python sandbox stopped: ${result.death.detail}`, elapsed);
    }
    const report = result.report;
    const outcome = interpretOutcome(report, {
      spec: job.spec,
      code: job.solution.code,
      timeoutMs: job.timeoutMs,
      interrupted,
    });
    if (
      interrupted ||
      report.kind === 'fatal' ||
      (report.kind === 'exception' && report.category === 'memory')
    ) {
      // Its state is no longer known to be clean: continue on the spare.
      this.#recycle('its state after this job is not trusted');
    }
    return outcome;
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    this.#active?.runtime.kill('the executor was disposed');
    this.#spare?.runtime.kill('the executor was disposed');
    this.#active = undefined;
    this.#spare = undefined;
  }
}
