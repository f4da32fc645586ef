// Which arrays of the report worker's answers travel in slices (slicedTransfer.ts): shared by the
// worker and the page, kept apart from the worker's code so the page does not load it.
import type { ArrayPath } from '../../../workers/slicedTransfer.ts';

/** The big arrays of a run record, sent in slices. */
export const RUN_ARRAYS: readonly ArrayPath[] = [
  ['plan', 'suite', 'cases'],
  ['plan', 'outputs', 'report', 'cases'],
  ['plan', 'outputs', 'report', 'suite', 'content', 'cases'],
  ['report', 'cases'],
  ['report', 'suite', 'content', 'cases'],
];
/** The big arrays of a finished replay pass (`ReplayResult`), sent in slices. */
export const REPLAY_RESULT_ARRAYS: readonly ArrayPath[] = [
  ['run', 'report', 'cases'],
  ['run', 'report', 'suite', 'content', 'cases'],
  ['changes'],
  ['records'],
];
/** The big arrays of a stored run for the run page (`StoredRunView`). */
export const STORED_RUN_ARRAYS: readonly ArrayPath[] = [
  ['run', 'plan', 'suite', 'cases'],
  ['run', 'plan', 'outputs', 'report', 'cases'],
  ['run', 'plan', 'outputs', 'report', 'suite', 'content', 'cases'],
  ['run', 'report', 'cases'],
  ['run', 'report', 'suite', 'content', 'cases'],
  ['records'],
  ['changes'],
];
/** What of a stored run is sent: all but a replay's recorded report's cases (its verdict changes come computed). */
export const STORED_RUN_SENT = new Set([0, 3, 4, 5, 6]);
/** The big arrays of an opened report (`readReportFile`'s answer), sent in slices. */
export const OPENED_REPORT_ARRAYS: readonly ArrayPath[] = [
  ['report', 'cases'],
  ['report', 'suite', 'content', 'cases'],
  ['suite', 'cases'],
];
/** The cases of a loaded suite (`loadSuiteFromFiles`'s answer), sent in slices. */
export const LOADED_SUITE_ARRAYS: readonly ArrayPath[] = [['suite', 'cases']];

/** While a replay runs the page needs the suite (the current case's prompt), not the recorded report. */
export const WHILE_RUNNING = new Set([0]);
