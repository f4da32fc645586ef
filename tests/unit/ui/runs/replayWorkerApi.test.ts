import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createMemoryRunStore } from '../../../../src/core/run/runStore.ts';
import { joinTransferSlices, type TransferSlice } from '../../../../src/workers/slicedTransfer.ts';
import {
  createReplayWorkerApi,
  type ReplayProgress,
} from '../../../../src/ui/runs/replay/replayWorkerApi.ts';
import { RUN_ARRAYS } from '../../../../src/ui/runs/replay/transferPaths.ts';
import type { RunRecord } from '../../../../src/core/run/runStore.ts';

const fixture = readFileSync(
  new URL('../../../fixtures/reports/punie-30b.report.json', import.meta.url),
  'utf8',
);

type Api = ReturnType<typeof createReplayWorkerApi>;

function received(api: Api, runId: string, slices: number): RunRecord {
  const skeleton = structuredClone(api.skeleton(runId)) as RunRecord | null;
  if (skeleton === null) throw new Error('no skeleton');
  const parts: TransferSlice[] = [];
  for (let i = 0; i < slices; i += 1) parts.push(structuredClone(api.slice(runId, i)!));
  return joinTransferSlices(skeleton, RUN_ARRAYS, parts);
}

describe('the report worker', () => {
  it('opens a report file, re-scores it in the store, and hands back the whole run', async () => {
    const store = createMemoryRunStore();
    const released: unknown[] = [];
    const api = createReplayWorkerApi({ store, release: (c) => released.push(c), progressMs: 0 });
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
    const run = received(api, opened.runId, end.slices);
    expect(run).toEqual(await store.getRun(opened.runId));
    expect(run.status).toBe('complete');
    expect(run.report?.summary.overall).toBe(0.75);
    expect(run.plan.outputs.kind === 'replay' && run.plan.outputs.report.cases).toHaveLength(7);
    expect(progress.at(-1)).toMatchObject({ done: 7, total: 7 });
    expect(progress.flatMap((p) => p.durations)).toHaveLength(7);
    // An instant replay streams no text (the page would lay out every output for nothing).
    expect(tokens).toEqual([]);
    expect(released).toEqual([onPhase, callbacks]);
  });

  it('answers a bad file with the message the page shows, naming the file', async () => {
    const api = createReplayWorkerApi({ store: createMemoryRunStore(), release: () => undefined });
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
    const api = createReplayWorkerApi({ store, release: () => undefined, progressMs: 0 });
    const opened = await api.openReport(new File([fixture], 'r.json'), 'instant', () => undefined);
    if (!opened.ok) throw new Error(opened.message);
    const end = await api.executeReplay(opened.runId, null, null, {
      onProgress: (p) => {
        if (p.done >= 2) api.stop(opened.runId);
      },
      onToken: () => undefined,
    });
    if (!end.ok) throw new Error(end.message);
    const run = received(api, opened.runId, end.slices);
    expect(run.status).toBe('stopped');
    expect((await store.getCases(opened.runId)).length).toBeLessThan(7);
  });
});
