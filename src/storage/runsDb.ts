// The tab's RunStore: runs and their case records in IndexedDB, so a reload, a crash or a closed
// tab resumes a run instead of starting over. Runs kept by tabeval 0.1 are read and converted.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Report, ReportCase } from '../core/report/schema.ts';
import type { RunPlan, RunRecord, RunStore } from '../core/run/runStore.ts';
import type { BatchWriter } from '../core/run/bufferedRunStore.ts';
import { fromStoredCase, fromStoredRun } from './legacyRuns.ts';

interface CaseRow {
  runId: string;
  caseId: string;
  /** Position in the run (suite order, then sample), so records come back in order. */
  index: number;
  record: ReportCase;
}

/**
 * A run row: the run without its plan (kept in `plans`, written once per run: a replay's plan
 * holds the whole recorded report, and every status change would write it again). Rows kept before
 * version 3 still hold their plan.
 */
type RunRow = Omit<RunRecord, 'plan'> & { plan?: RunPlan };

interface PlanRow {
  runId: string;
  plan: RunPlan;
}

interface RunsSchema extends DBSchema {
  runs: { key: string; value: RunRow; indexes: { byCreatedAt: string } };
  plans: { key: string; value: PlanRow };
  cases: { key: [string, number]; value: CaseRow; indexes: { byRun: string } };
}

const DB_NAME = 'tabeval';
// 2: case rows keyed by [runId, index] (several samples of one case); run records hold a plan.
// 3: plans in a store of their own (rows of version 2 keep theirs inline until written again).
const DB_VERSION = 3;

let dbPromise: Promise<IDBPDatabase<RunsSchema>> | null = null;

function db(): Promise<IDBPDatabase<RunsSchema>> {
  if (dbPromise) return dbPromise;
  let refuse: (reason: Error) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  const opening = openDB<RunsSchema>(DB_NAME, DB_VERSION, {
    // A tab of an older version holds the database open: say so instead of waiting forever.
    blocked() {
      dbPromise = null;
      refuse(
        new Error(
          'another tab of this site, opened before an update, holds its stored runs: close the other tabs of this site, then reload',
        ),
      );
    },
    // A newer version wants the database: let it go (the next call opens it again).
    blocking() {
      dbPromise = null;
      void opening.then((database) => database.close());
    },
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const runs = database.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('byCreatedAt', 'createdAt');
      }
      if (oldVersion < 3) database.createObjectStore('plans', { keyPath: 'runId' });
      if (oldVersion >= 2) return;
      // Version 1 keyed case rows by [runId, caseId]: copy them into the new store's keys.
      const oldRows: unknown[] = oldVersion === 1 ? await tx.objectStore('cases').getAll() : [];
      if (oldVersion === 1) database.deleteObjectStore('cases');
      const cases = database.createObjectStore('cases', { keyPath: ['runId', 'index'] });
      cases.createIndex('byRun', 'runId');
      for (const row of oldRows) await cases.put(row as CaseRow);
    },
  });
  dbPromise = Promise.race([opening, refused]);
  return dbPromise;
}

/**
 * Svelte state proxies cannot be structured-cloned into IndexedDB; a JSON round trip gives plain
 * data (everything stored here is JSON by construction).
 */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The runs store of this browser. `copy: 'json'` (the page) first turns values into plain data;
 * `copy: 'none'` (a worker, where no Svelte state exists) lets IndexedDB clone them as they are,
 * which saves a JSON round trip of every run and record. `putCases` writes records in one
 * transaction.
 */
export function createRunsDb(copy: 'json' | 'none'): BatchWriter {
  const prepare = copy === 'json' ? plain : <T>(value: T): T => value;
  const store: BatchWriter = {
    // A run's plan never changes: it is written when the store has none for the run (a key
    // lookup, no value read), in the same transaction as the row.
    async putRun(run) {
      const { plan, ...row } = run;
      const tx = (await db()).transaction(['runs', 'plans'], 'readwrite');
      const plans = tx.objectStore('plans');
      await Promise.all([
        tx.objectStore('runs').put(prepare(row)),
        plans.getKey(run.id).then((key) => key ?? plans.put(prepare({ runId: run.id, plan }))),
        tx.done,
      ]);
    },
    async getRun(id) {
      const tx = (await db()).transaction(['runs', 'plans']);
      const [row, planRow] = await Promise.all([
        tx.objectStore('runs').get(id),
        tx.objectStore('plans').get(id),
        tx.done,
      ]);
      return row === undefined ? undefined : (fromStoredRun(joinPlan(row, planRow)) ?? undefined);
    },
    async putCase(runId, index, record) {
      await (await db()).put('cases', prepare({ runId, caseId: record.id, index, record }));
    },
    async putCases(runId, rows) {
      const tx = (await db()).transaction('cases', 'readwrite');
      await Promise.all([
        ...rows.map(({ index, record }) =>
          tx.store.put(prepare({ runId, caseId: record.id, index, record })),
        ),
        tx.done,
      ]);
    },
    async getCases(runId) {
      const rows = await (await db()).getAllFromIndex('cases', 'byRun', runId);
      const run = await store.getRun(runId);
      return rows
        .sort((a, b) => a.index - b.index)
        .flatMap((row) => {
          const record = fromStoredCase(row.record, run?.plan.suite.headline);
          return record === null ? [] : [record];
        });
    },
  };
  return store;
}

/** The runs store of this browser, for the page. */
export const runsDb: RunStore = createRunsDb('json');

/** A stored row with its plan: from the plans store, or its own (a row kept before version 3). */
function joinPlan(row: RunRow, planRow: PlanRow | undefined): unknown {
  return planRow === undefined ? row : { ...row, plan: planRow.plan };
}

/** Every run, newest first (runs this version cannot read are left out). */
export async function listRuns(): Promise<RunRecord[]> {
  const tx = (await db()).transaction(['runs', 'plans']);
  const [rows, plans] = await Promise.all([
    tx.objectStore('runs').index('byCreatedAt').getAll(),
    tx.objectStore('plans').getAll(),
    tx.done,
  ]);
  const byRun = new Map(plans.map((p) => [p.runId, p]));
  return rows
    .reverse()
    .map((row) => fromStoredRun(joinPlan(row, byRun.get(row.id))))
    .filter((run): run is RunRecord => run !== null);
}

/**
 * The report of every complete run, newest first, from the run rows alone (no plan is read: a
 * replay's plan holds its whole recorded report). Rows of tabeval 0.1 are converted.
 */
export async function listCompleteReports(): Promise<Report[]> {
  const rows: unknown[] = await (await db()).getAllFromIndex('runs', 'byCreatedAt');
  return rows.reverse().flatMap((row) => {
    // Current rows carry `labels`; a 0.1 row is read through the converter.
    const run = isCurrentRow(row) ? row : fromStoredRun(row);
    return run?.status === 'complete' && run.report ? [run.report] : [];
  });
}

function isCurrentRow(row: unknown): row is RunRow {
  return typeof row === 'object' && row !== null && 'labels' in row;
}

/** Deletes a run, its plan and its cases. */
export async function deleteRun(id: string): Promise<void> {
  const tx = (await db()).transaction(['runs', 'plans', 'cases'], 'readwrite');
  await tx.objectStore('runs').delete(id);
  await tx.objectStore('plans').delete(id);
  const keys = await tx.objectStore('cases').index('byRun').getAllKeys(id);
  await Promise.all(keys.map((k) => tx.objectStore('cases').delete(k)));
  await tx.done;
}
