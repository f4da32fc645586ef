// The report worker: opens, checks and re-scores report files off the page's thread. A thin
// adapter: everything it does is in replayWorkerApi.ts, over the same IndexedDB store as the page
// (records written in batches: a replay's records can be recomputed).
import { exposeToPage } from '../../../workers/pagePort.ts';
import { releaseCallback } from '../../../workers/releaseCallback.ts';
import { createRunsDb, listCompleteReports, listRuns } from '../../../storage/runsDb.ts';
import { bufferedRunStore } from '../../../core/run/bufferedRunStore.ts';
import { createReplayWorkerApi } from './replayWorkerApi.ts';

exposeToPage(
  createReplayWorkerApi({
    store: bufferedRunStore(createRunsDb('none')),
    listRuns,
    listCompleteReports,
    release: releaseCallback,
  }),
);
