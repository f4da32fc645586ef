// A stored run as lists show it (the Runs page, the start page's unfinished runs): a few facts
// instead of the record, whose plan and report can hold tens of MB for a 10,000-case run.
import type { ReportCase } from '../report/schema.ts';
import type { RunRecord, RunStatus } from './runStore.ts';

export interface RunListing {
  id: string;
  createdAt: string;
  status: RunStatus;
  labels: RunRecord['labels'];
  suite: { id: string; version: string };
  kind: 'live' | 'replay';
  /** Whether a pass ended with a report (it can be exported and compared). */
  hasReport: boolean;
  /** The report's overall score, for a complete run; null otherwise. */
  overall: number | null;
  /** Records the run makes in all (`plannedRecords`). */
  planned: number;
  /** For a run that did not finish (running or stopped): its stored records so far; null otherwise. */
  progress: { done: number; passed: number } | null;
}

/** Records a run makes: every case × sample for a live run, the recorded ones for a replay. */
export function plannedRecords(run: RunRecord): number {
  return run.plan.outputs.kind === 'replay'
    ? run.plan.outputs.report.cases.length
    : run.plan.suite.cases.length * run.plan.params.samples;
}

/** Whether `run` did not finish: still running (here or in another tab), or stopped. */
export function isUnfinished(run: RunRecord): boolean {
  return run.status === 'running' || run.status === 'stopped';
}

/** The listing of `run`; `records` (its stored records) are counted for an unfinished run. */
export function runListing(run: RunRecord, records: readonly ReportCase[] | null): RunListing {
  return {
    id: run.id,
    createdAt: run.createdAt,
    status: run.status,
    labels: run.labels,
    suite: { id: run.plan.suite.id, version: run.plan.suite.version },
    kind: run.plan.outputs.kind,
    hasReport: run.report !== null,
    overall: run.status === 'complete' && run.report ? run.report.summary.overall : null,
    planned: plannedRecords(run),
    progress:
      records !== null && isUnfinished(run)
        ? { done: records.length, passed: records.filter((r) => r.passed).length }
        : null,
  };
}
