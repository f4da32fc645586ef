import type { ModelRef } from '../engine.ts';
import type { DeviceBlock, GenerationParams, Report, ReportCase } from '../report/schema.ts';
import type { Suite } from '../suite/types.ts';
import type { ScoringSettings } from '../execution/schema.ts';

/** Where a run's outputs come from: a model to generate with, or the records of a report to re-score. */
export type RunOutputsPlan =
  { kind: 'live'; model: ModelRef } | { kind: 'replay'; report: Report; pace: 'instant' | 'recorded' };

/** Everything needed to (re)start a run: stored with it, so a reload can resume. */
export interface RunPlan {
  suite: Suite;
  params: GenerationParams;
  device: DeviceBlock | null;
  outputs: RunOutputsPlan;
  /** Per-generation limit of a live run, in milliseconds; null for none. */
  caseTimeoutMs: number | null;
  /** pass@k's k values and the execution time limit (absent in runs stored before: the defaults). */
  scoring?: Omit<ScoringSettings, 'executor'>;
}

/** `running` is also what a run that was interrupted (tab closed, crash) is left as. */
export type RunStatus = 'running' | 'stopped' | 'complete' | 'error';

/** A run as a store keeps it: its plan, its state and, once a pass ended, its report. */
export interface RunRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: RunStatus;
  plan: RunPlan;
  /** The report as of the last finished or stopped pass (null while the first pass runs). */
  report: Report | null;
  /** The last pass's error, when it failed. */
  error: string | null;
  /** For lists: what ran and where. */
  labels: { model: string; device: string };
}

/**
 * Where runs are kept: IndexedDB in the tab (src/storage/), memory in tests and the CLI. Every
 * finished case record is written at once, so a crash loses nothing that was done.
 */
export interface RunStore {
  putRun(run: RunRecord): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Saves one finished case record; `index` orders records (suite order × samples). */
  putCase(runId: string, index: number, record: ReportCase): Promise<void>;
  /** The finished case records of a run, in order. */
  getCases(runId: string): Promise<ReportCase[]>;
}

/** A `RunStore` in memory (tests, the CLI). Records are copied in and out, like a real store. */
export function createMemoryRunStore(): RunStore {
  const runs = new Map<string, RunRecord>();
  const cases = new Map<string, Map<number, ReportCase>>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    async putRun(run) {
      runs.set(run.id, copy(run));
    },
    async getRun(id) {
      const run = runs.get(id);
      return run === undefined ? undefined : copy(run);
    },
    async putCase(runId, index, record) {
      const list = cases.get(runId) ?? new Map<number, ReportCase>();
      list.set(index, copy(record));
      cases.set(runId, list);
    },
    async getCases(runId) {
      const list = cases.get(runId);
      if (list === undefined) return [];
      return [...list].sort(([a], [b]) => a - b).map(([, record]) => copy(record));
    },
  };
}
