import { describe, expect, it } from 'vitest';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { createReplayEngine } from '../../../../src/engines/replay/createReplayEngine.ts';
import { replayReport } from '../../../../src/engines/replay/replayReport.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';
import { recordedOutputs } from '../../core/run/runSuite.test.ts';

const seven: Suite = {
  id: 'seven',
  version: '1',
  description: '',
  system_prompt: '',
  headline: 'punie',
  tools: [],
  cases: Array.from({ length: 7 }, (_, i) => ({
    id: `c${i}`,
    category: i < 4 ? 'first' : 'second',
    prompt: `task ${i}`,
    expected_keywords: ['yes', 'ok'],
  })),
};

async function recorded(outputs: Record<string, string>): Promise<Report> {
  const { report } = await runSuite({
    suite: seven,
    engine: createReplayEngine(recordedOutputs(outputs), {
      source: { kind: 'webllm', version: '0.2.86', model: { id: 'Qwen-1.5B', url: null, libUrl: null } },
    }),
    params: { ...DEFAULT_PARAMS, seed: 7 },
    device: { label: 'laptop', browserVersion: null },
  });
  return report;
}

describe('replayReport', () => {
  it('re-scores only the records a stopped report holds, keeping its parameters and provenance', async () => {
    // A run stopped after 4 of 7 cases: the replay scores those 4 (n = 4), inventing no "no output".
    const old = await recorded({ c0: 'yes ok', c1: 'yes ok', c2: 'yes', c3: 'nothing' });
    const stopped: Report = { ...old, cases: old.cases.slice(0, 4) };
    const replay = await replayReport(stopped, seven);
    if (!replay.ok) throw new Error('expected a replay');
    const { report } = await runSuite(replay.input);
    expect(report.summary.n).toBe(4);
    expect(report.summary.overall).toBeCloseTo((1 + 1 + 0.5 + 0) / 4, 10);
    expect(report.cases.some((c) => c.error !== undefined)).toBe(false);
    expect(report.params.seed).toBe(7);
    expect(report.source).toEqual(old.source);
    expect(report.device).toEqual(old.device);
    expect(report.createdAt).toBe(old.createdAt);
    expect(report.timings).toEqual(old.timings);
    expect(report.rescored).toMatchObject({ appVersion: expect.any(String) });
  });

  it('names the records whose prompt changed since the recording instead of re-scoring them', async () => {
    const old = await recorded({ c0: 'yes ok', c1: 'yes ok' });
    const edited: Suite = {
      ...seven,
      cases: seven.cases.map((c) => (c.id === 'c1' ? { ...c, prompt: 'another task' } : c)),
    };
    const replay = await replayReport({ ...old, cases: old.cases.slice(0, 2) }, edited);
    expect(replay).toEqual({ ok: false, changed: [{ id: 'c1', sample: 0 }] });
  });

  it('scores each of two same-prompt cases on its own recorded output', async () => {
    const twins: Suite = {
      ...seven,
      headline: 'pass_rate',
      cases: [
        { id: 'a', category: 't', prompt: 'same', expected_keywords: ['one'] },
        { id: 'b', category: 't', prompt: 'same', expected_keywords: ['one'] },
      ],
    };
    const { report: old } = await runSuite({
      suite: twins,
      engine: createReplayEngine(recordedOutputs({ a: 'two', b: 'one' })),
      params: { ...DEFAULT_PARAMS },
    });
    const replay = await replayReport(old, twins);
    if (!replay.ok) throw new Error('expected a replay');
    const { report } = await runSuite(replay.input);
    expect(report.cases.map((c) => [c.id, c.passed])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });
});
