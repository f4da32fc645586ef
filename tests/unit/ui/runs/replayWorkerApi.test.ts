import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createMemoryRunStore } from '../../../../src/core/run/runStore.ts';
import {
  joinTransferSlices,
  type ArrayPath,
  type TransferSlice,
} from '../../../../src/workers/slicedTransfer.ts';
import {
  createReplayWorkerApi,
  type ReplayProgress,
  type ReplayResult,
  type StoredRunView,
} from '../../../../src/ui/runs/replay/replayWorkerApi.ts';
import {
  REPLAY_RESULT_ARRAYS,
  RUN_ARRAYS,
  STORED_RUN_ARRAYS,
} from '../../../../src/ui/runs/replay/transferPaths.ts';
import type { RunRecord, RunStore } from '../../../../src/core/run/runStore.ts';
import { reportFacts } from '../../../../src/throughput/compareDevices.ts';
import { diffCaseVerdicts } from '../../../../src/core/compare/diffCaseVerdicts.ts';

const fixture = readFileSync(
  new URL('../../../fixtures/reports/punie-30b.report.json', import.meta.url),
  'utf8',
);

type Api = ReturnType<typeof createReplayWorkerApi>;

/** A memory store and its list of runs (every run it was given, newest first). */
function listed(store: RunStore) {
  const ids: string[] = [];
  return {
    store: {
      ...store,
      async putRun(run: RunRecord) {
        if (!ids.includes(run.id)) ids.unshift(run.id);
        await store.putRun(run);
      },
    },
    listRuns: async () =>
      (await Promise.all(ids.map((id) => store.getRun(id)))).filter((r) => r !== undefined),
    listCompleteReports: async () =>
      (await Promise.all(ids.map((id) => store.getRun(id)))).flatMap((r) =>
        r?.status === 'complete' && r.report ? [r.report] : [],
      ),
  };
}

function received<T = RunRecord>(
  api: Api,
  runId: string,
  slices: number,
  paths: readonly ArrayPath[] = RUN_ARRAYS,
): T {
  const skeleton = structuredClone(api.skeleton(runId)) as T | null;
  if (skeleton === null) throw new Error('no skeleton');
  const parts: TransferSlice[] = [];
  for (let i = 0; i < slices; i += 1) parts.push(structuredClone(api.slice(runId, i)!));
  return joinTransferSlices(skeleton, paths, parts);
}

describe('the report worker', () => {
  it('opens a report file, re-scores it in the store, and hands back the whole run', async () => {
    const store = createMemoryRunStore();
    const released: unknown[] = [];
    const api = createReplayWorkerApi({ ...listed(store), release: (c) => released.push(c), progressMs: 0 });
    const phases: string[] = [];
    const onPhase = (phase: string) => phases.push(phase);
    const opened = await api.openReport(new File([fixture], 'r.json'), 'instant', onPhase);
    if (!opened.ok) throw new Error(opened.message);
    expect(phases).toEqual(['reading', 'checking', 'verifying', 'saving']);
    expect(opened).toMatchObject({ notes: [], runsCode: false, total: 7 });
    // While it runs the page gets the suite, not the recorded report.
    const running = received(api, opened.runId, opened.slices);
    expect(running.plan.suite.cases).toHaveLength(7);
    expect(running.plan.outputs.kind === 'replay' && running.plan.outputs.report.cases).toEqual([]);

    const progress: ReplayProgress[] = [];
    const tokens: string[] = [];
    const callbacks = {
      onProgress: (p: ReplayProgress) => progress.push(p),
      onToken: (delta: string) => tokens.push(delta),
    };
    const end = await api.executeReplay(opened.runId, null, null, callbacks);
    if (!end.ok) throw new Error(end.message);
    // The page gets the run without its plan (it has the plan it was sent at opening) and the
    // verdicts that changed, computed beside the recorded cases.
    const result = received<ReplayResult>(api, opened.runId, end.slices, REPLAY_RESULT_ARRAYS);
    const stored = await store.getRun(opened.runId);
    if (!stored || stored.plan.outputs.kind !== 'replay' || !stored.report) throw new Error('not stored');
    const { plan, ...withoutPlan } = stored;
    expect(result.run).toEqual(withoutPlan);
    expect(result.run).not.toHaveProperty('plan');
    expect(result.run.status).toBe('complete');
    expect(result.run.report?.summary.overall).toBe(0.75);
    expect(result.run.report?.cases).toHaveLength(7);
    // The Devices page gets the complete run's report as the comparison's facts only.
    expect(await api.keptReportFacts()).toEqual([reportFacts(stored.report)]);
    expect(result.changes).toEqual(
      diffCaseVerdicts(plan.outputs.kind === 'replay' ? plan.outputs.report.cases : [], stored.report.cases),
    );
    expect(progress.at(-1)).toMatchObject({ done: 7, total: 7 });
    expect(progress.flatMap((p) => p.durations)).toHaveLength(7);
    // An instant replay streams no text (the page would lay out every output for nothing).
    expect(tokens).toEqual([]);
    expect(released).toEqual([onPhase, callbacks]);
  });

  it('answers a bad file with the message the page shows, naming the file', async () => {
    const api = createReplayWorkerApi({ ...listed(createMemoryRunStore()), release: () => undefined });
    const opened = await api.openReport(
      new File([fixture.slice(0, 500)], 'truncated.json'),
      'instant',
      () => undefined,
    );
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.message).toMatch(
      /^truncated\.json is not a valid tabeval report:[\s\S]*invalid JSON/,
    );
  });

  it('stops a replay on request and keeps what it finished', async () => {
    const store = createMemoryRunStore();
    const api = createReplayWorkerApi({ ...listed(store), release: () => undefined, progressMs: 0 });
    const opened = await api.openReport(new File([fixture], 'r.json'), 'instant', () => undefined);
    if (!opened.ok) throw new Error(opened.message);
    const end = await api.executeReplay(opened.runId, null, null, {
      onProgress: (p) => {
        if (p.done >= 2) api.stop(opened.runId);
      },
      onToken: () => undefined,
    });
    if (!end.ok) throw new Error(end.message);
    const { run, changes } = received<ReplayResult>(api, opened.runId, end.slices, REPLAY_RESULT_ARRAYS);
    expect(run.status).toBe('stopped');
    expect(changes).toBeNull();
    // The Runs page's list: a few facts, with the stored records counted for an unfinished run.
    const done = await store.getCases(opened.runId);
    expect(await api.listRuns()).toEqual([
      expect.objectContaining({
        id: opened.runId,
        status: 'stopped',
        kind: 'replay',
        suite: { id: 'punie-baseline', version: expect.any(String) },
        hasReport: true,
        overall: null,
        planned: 7,
        progress: { done: done.length, passed: done.filter((r) => r.passed).length },
      }),
    ]);
    expect((await store.getCases(opened.runId)).length).toBeLessThan(7);
  });

  it('reads a stored run for the run page without the recorded cases, with its records and changes', async () => {
    const store = createMemoryRunStore();
    const api = createReplayWorkerApi({ ...listed(store), release: () => undefined, progressMs: 0 });
    expect(await api.openStored('no-such-run')).toBeNull();
    const opened = await api.openReport(new File([fixture], 'r.json'), 'instant', () => undefined);
    if (!opened.ok) throw new Error(opened.message);
    const end = await api.executeReplay(opened.runId, null, null, {
      onProgress: () => undefined,
      onToken: () => undefined,
    });
    if (!end.ok) throw new Error(end.message);
    const { changes } = received<ReplayResult>(api, opened.runId, end.slices, REPLAY_RESULT_ARRAYS);

    const prepared = await api.openStored(opened.runId);
    if (prepared === null || 'ok' in prepared) throw new Error('not found');
    const view = received<StoredRunView>(api, prepared.token, prepared.slices, STORED_RUN_ARRAYS);
    const stored = await store.getRun(opened.runId);
    expect(view.run.report).toEqual(stored?.report);
    expect(view.run.plan.suite).toEqual(stored?.plan.suite);
    expect(view.run.plan.outputs.kind === 'replay' && view.run.plan.outputs.report.cases).toEqual([]);
    // A complete run shows its report: its records are counted, not sent.
    expect(view.records).toEqual([]);
    expect(view).toMatchObject({ done: 7, planned: 7, runsCode: false });
    expect(view.changes).toEqual(changes);
  });
});
