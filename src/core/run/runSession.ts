import type { Engine } from '../engine.ts';
import type { Executor } from '../execution/schema.ts';
import type { ReportCase } from '../report/schema.ts';
import { caseKey } from './caseKey.ts';
import type { RunPlan, RunRecord, RunStore } from './runStore.ts';
import { runSuite, type RecordedProvenance, type RunProgress } from './runSuite.ts';

/** What executing a run needs beyond its record: the engine and the callbacks of whoever watches. */
export interface RunSessionDeps {
  store: RunStore;
  /** The engine that produces the outputs: the loaded model, or the replay of `plan.outputs.report`. */
  engine: Engine;
  /** For a replay: the records to re-score and the recording's provenance (`replayReport`). */
  replay?: { only: ReadonlySet<string>; recorded: RecordedProvenance };
  /** The Python sandbox for cases with an execution block. */
  executor?: Executor;
  /** Generations at once, for servers that batch (default 1); records stay in suite order. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onToken?: (caseId: string, delta: string) => void;
  onCaseDone?: (record: ReportCase) => void;
  /** Clock for ids and times; injectable for tests. */
  newId?: () => string;
}

/** Creates a run in the store, not yet started. */
export async function createRun(
  store: RunStore,
  plan: RunPlan,
  labels: RunRecord['labels'],
  newId: () => string = () => crypto.randomUUID(),
): Promise<RunRecord> {
  const now = new Date().toISOString();
  const run: RunRecord = {
    id: newId(),
    createdAt: now,
    updatedAt: now,
    status: 'running',
    plan,
    report: null,
    error: null,
    labels,
  };
  await store.putRun(run);
  return run;
}

/**
 * Runs (or resumes) a stored run: the records already in the store are kept and not run again;
 * each new record is written to the store as soon as it is scored; the run ends `complete`,
 * `stopped` (the signal) or `error` (a bug: engine failures are per-case records, not errors),
 * with its report stored. The one run session of the app, the CLI and headless runs. Returns the
 * final record; never rejects.
 */
export async function executeRun(run: RunRecord, deps: RunSessionDeps): Promise<RunRecord> {
  const { store, plan } = { store: deps.store, plan: run.plan };
  const done = await store.getCases(run.id);
  const order = recordOrder(plan);
  const running: RunRecord = { ...run, status: 'running', error: null, updatedAt: new Date().toISOString() };
  await store.putRun(running);
  try {
    const { report, stopped } = await runSuite({
      suite: plan.suite,
      engine: deps.engine,
      params: plan.params,
      device: plan.device,
      done,
      ...(deps.replay ? { only: deps.replay.only, recorded: deps.replay.recorded } : {}),
      ...(deps.signal ? { signal: deps.signal } : {}),
      ...(deps.executor ? { executor: deps.executor } : {}),
      ...(deps.concurrency !== undefined ? { concurrency: deps.concurrency } : {}),
      ...(plan.scoring ? { scoring: plan.scoring } : {}),
      ...(plan.caseTimeoutMs !== null ? { caseTimeoutMs: plan.caseTimeoutMs } : {}),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
      ...(deps.onToken ? { onToken: deps.onToken } : {}),
      onCaseDone: async (record) => {
        await store.putCase(run.id, order.get(caseKey(record.id, record.sample)) ?? 0, record);
        deps.onCaseDone?.(record);
      },
    });
    const finished: RunRecord = {
      ...running,
      status: stopped ? 'stopped' : 'complete',
      updatedAt: new Date().toISOString(),
      report,
    };
    await store.putRun(finished);
    return finished;
  } catch (e) {
    const failed: RunRecord = {
      ...running,
      status: 'error',
      updatedAt: new Date().toISOString(),
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    };
    await store.putRun(failed).catch(() => undefined);
    return failed;
  }
}

/** Position of every record of the plan (suite order, then sample), for the store's ordering. */
function recordOrder(plan: RunPlan): Map<string, number> {
  const order = new Map<string, number>();
  for (const testCase of plan.suite.cases) {
    for (let sample = 0; sample < plan.params.samples; sample += 1) {
      order.set(caseKey(testCase.id, sample), order.size);
    }
  }
  return order;
}
