import { describe, expect, it } from 'vitest';
import { caseKey } from '../../../../src/core/run/caseKey.ts';
import { createRun, executeRun } from '../../../../src/core/run/runSession.ts';
import { createMemoryRunStore, type RunPlan } from '../../../../src/core/run/runStore.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { createReplayEngine } from '../../../../src/engines/replay/createReplayEngine.ts';
import { recordedOutputs, suite } from './runSuite.test.ts';

const plan: RunPlan = {
  suite,
  params: { ...DEFAULT_PARAMS },
  device: null,
  outputs: { kind: 'live', model: { engine: 'webllm', kind: 'catalog', modelId: 'm' } },
  caseTimeoutMs: null,
};
const outputs = recordedOutputs({
  a: '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>',
  b: 'def prime',
  c: 'immutable',
});
const labels = { model: 'm', device: 'here' };

describe('the run session', () => {
  it('stores every case as it finishes and ends complete with the report', async () => {
    const store = createMemoryRunStore();
    const run = await createRun(store, plan, labels, () => 'run-1');
    const stored: string[] = [];
    const finished = await executeRun(run, {
      store,
      engine: createReplayEngine(outputs),
      onCaseDone: (record) => stored.push(record.id),
    });
    expect(finished.status).toBe('complete');
    expect(stored).toEqual(['a', 'b', 'c']);
    expect((await store.getCases('run-1')).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect((await store.getRun('run-1'))?.report?.summary.passRate).toBe(1);
  });

  it('stops on the signal with what it has, and a resume runs only the rest', async () => {
    const store = createMemoryRunStore();
    const run = await createRun(store, plan, labels, () => 'run-2');
    const controller = new AbortController();
    const stopped = await executeRun(run, {
      store,
      engine: createReplayEngine(outputs),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'case-start' && p.caseId === 'b') controller.abort();
      },
    });
    expect(stopped.status).toBe('stopped');
    expect((await store.getCases('run-2')).map((c) => c.id)).toEqual(['a']);

    const generated: string[] = [];
    const replay = createReplayEngine(outputs);
    const resumed = await executeRun((await store.getRun('run-2'))!, {
      store,
      engine: {
        ...replay,
        generate: (request, onToken) => {
          generated.push(request.caseId);
          return replay.generate(request, onToken);
        },
      },
    });
    expect(generated).toEqual(['b', 'c']);
    expect(resumed.status).toBe('complete');
    expect(resumed.report?.cases.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps sample records apart in the store and in order', async () => {
    const store = createMemoryRunStore();
    const run = await createRun(
      store,
      { ...plan, params: { ...DEFAULT_PARAMS, samples: 2 } },
      labels,
      () => 'r3',
    );
    const byKey = new Map(
      [...outputs].flatMap(([key, output]) => {
        const [id] = JSON.parse(key) as [string, number];
        return [
          [caseKey(id, 0), output],
          [caseKey(id, 1), output],
        ] as const;
      }),
    );
    await executeRun(run, { store, engine: createReplayEngine(byKey) });
    expect((await store.getCases('r3')).map((c) => `${c.id}${c.sample}`)).toEqual([
      'a0',
      'a1',
      'b0',
      'b1',
      'c0',
      'c1',
    ]);
  });
});
