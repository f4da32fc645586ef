import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { GenerationParams, ModelRef } from '../core/engine.ts';
import type { Report, ReportCase } from '../core/report/schema.ts';
import type { Suite } from '../core/suite/types.ts';
import type { RecordedOutput } from '../engines/replay/createReplayEngine.ts';

/** A run as kept in IndexedDB: enough to resume it after a reload and to list it. */
export interface StoredRun {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: 'running' | 'stopped' | 'complete';
  source: 'webllm' | 'replay';
  suite: Suite;
  suiteHash: string;
  params: GenerationParams;
  /** The model of a live run. */
  model: ModelRef | null;
  /** A replay: the outputs to re-serve, the pace, and the verdicts recorded in the opened report. */
  replay: {
    pace: 'instant' | 'recorded';
    recorded: Record<string, RecordedOutput>;
    originalCases: ReportCase[];
    origin: Pick<Report, 'model' | 'engine' | 'device' | 'createdAt'>;
  } | null;
  device: Record<string, unknown> | null;
  /** The report as of the last finished or stopped pass (null while the first pass runs). */
  report: Report | null;
  /** For the list: model label, overall score when known, device label. */
  modelLabel: string;
  overall: number | null;
  deviceLabel: string;
}

interface CaseRow {
  runId: string;
  caseId: string;
  /** Position in the suite, so cases come back in order. */
  index: number;
  record: ReportCase;
}

interface RunsSchema extends DBSchema {
  runs: { key: string; value: StoredRun; indexes: { byCreatedAt: string } };
  cases: { key: [string, string]; value: CaseRow; indexes: { byRun: string } };
}

const DB_NAME = 'tabeval';
const DB_VERSION = 1;

let dbPromise: Promise<IDBPDatabase<RunsSchema>> | null = null;

function db(): Promise<IDBPDatabase<RunsSchema>> {
  dbPromise ??= openDB<RunsSchema>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const runs = database.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('byCreatedAt', 'createdAt');
      const cases = database.createObjectStore('cases', { keyPath: ['runId', 'caseId'] });
      cases.createIndex('byRun', 'runId');
    },
  });
  return dbPromise;
}

/** Saves (creates or replaces) a run's record. */
export async function putRun(run: StoredRun): Promise<void> {
  await (await db()).put('runs', $snapshot(run));
}

/** Saves one finished case at once, so a reload or crash loses nothing that was done. */
export async function putCase(runId: string, index: number, record: ReportCase): Promise<void> {
  await (await db()).put('cases', $snapshot({ runId, caseId: record.id, index, record }));
}

/** One run, or undefined. */
export async function getRun(id: string): Promise<StoredRun | undefined> {
  return (await db()).get('runs', id);
}

/** The finished cases of a run, in suite order. */
export async function getCases(runId: string): Promise<ReportCase[]> {
  const rows = await (await db()).getAllFromIndex('cases', 'byRun', runId);
  return rows.sort((a, b) => a.index - b.index).map((r) => r.record);
}

/** Every run, newest first. */
export async function listRuns(): Promise<StoredRun[]> {
  const runs = await (await db()).getAllFromIndex('runs', 'byCreatedAt');
  return runs.reverse();
}

/** Deletes a run and its cases. */
export async function deleteRun(id: string): Promise<void> {
  const tx = (await db()).transaction(['runs', 'cases'], 'readwrite');
  await tx.objectStore('runs').delete(id);
  const keys = await tx.objectStore('cases').index('byRun').getAllKeys(id);
  await Promise.all(keys.map((k) => tx.objectStore('cases').delete(k)));
  await tx.done;
}

/**
 * Svelte state proxies cannot be structured-cloned into IndexedDB; a JSON round trip gives plain
 * data (everything stored here is JSON by construction).
 */
function $snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
