import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/run/defaultParams.ts';
import { ReportSchema } from '../../../../src/core/report/schema.ts';
import { createReplayEngine } from '../../../../src/engines/replay/createReplayEngine.ts';
import type { Engine, EngineResult, GenerationResult } from '../../../../src/core/engine.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';

const suite: Suite = {
  id: 'mini',
  version: '1',
  description: 'three cases',
  system_prompt: 'You are a coding assistant.\n\n{tools}',
  tools: [
    {
      name: 'read_file',
      description: 'Read a file',
      parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
    },
  ],
  cases: [
    { id: 'a', category: 'tools', prompt: 'Read /etc/hosts', expected_tools: ['read_file'] },
    { id: 'b', category: 'code', prompt: 'Write a prime check', expected_keywords: ['def', 'prime'] },
    { id: 'c', category: 'code', prompt: 'Explain tuples', expected_keywords: ['immutable'] },
  ],
};

const outputs = new Map([
  ['a', { output: '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>' }],
  ['b', { output: 'def is_prime(n): ...' }],
  ['c', { output: 'A tuple cannot be changed.' }],
]);

/** Wraps an engine, counting generate calls and letting a test replace individual answers. */
function instrument(
  engine: Engine,
  override?: (i: number) => Promise<EngineResult<GenerationResult>> | undefined,
) {
  let calls = 0;
  let aborts = 0;
  const wrapped: Engine = {
    ...engine,
    generate(messages, params, onToken) {
      const i = calls++;
      return override?.(i) ?? engine.generate(messages, params, onToken);
    },
    async abort() {
      aborts++;
      await engine.abort();
    },
  };
  return { engine: wrapped, count: () => calls, aborts: () => aborts };
}

describe('runSuite', () => {
  it('runs every case, scores it with the shared parser and produces a valid report', async () => {
    const { report, stopped } = await runSuite({
      suite,
      engine: createReplayEngine(suite, outputs),
      params: { ...DEFAULT_PARAMS },
      source: 'outputs',
    });
    expect(stopped).toBe(false);
    expect(v.safeParse(ReportSchema, report).success).toBe(true);
    expect(report.cases.map((c) => [c.id, c.score])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
    ]);
    expect(report.cases[0]!.calls[0]).toMatchObject({ name: 'read_file', format: 'tagged-json' });
    expect(report.cases[0]!.outputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.summary.overall).toBeCloseTo(2 / 3, 10);
    expect(report.summary.categories['code']).toMatchObject({ mean: 0.5, n: 2 });
    expect(report.params).toMatchObject({ temperature: 0, max_tokens: 1024 });
  });

  it('records an engine error on its case and goes on with the next', async () => {
    const { engine } = instrument(createReplayEngine(suite, outputs), (i) =>
      i === 1
        ? Promise.resolve({ ok: false, error: { name: 'DeviceLost', message: 'GPU device lost' } })
        : undefined,
    );
    const { report } = await runSuite({ suite, engine, params: { ...DEFAULT_PARAMS }, source: 'outputs' });
    expect(report.cases).toHaveLength(3);
    expect(report.cases[1]).toMatchObject({
      id: 'b',
      score: 0,
      passed: false,
      output: null,
      error: 'GPU device lost',
    });
    expect(report.cases[2]!.error).toBeUndefined();
    expect(report.summary.successRate).toBeCloseTo(2 / 3, 10);
  });

  it('records a case that exceeds its time limit as a timeout, aborts it and goes on', async () => {
    const hang = new Promise<EngineResult<GenerationResult>>(() => {});
    const probe = instrument(createReplayEngine(suite, outputs), (i) => (i === 0 ? hang : undefined));
    const { report } = await runSuite({
      suite,
      engine: probe.engine,
      params: { ...DEFAULT_PARAMS },
      source: 'outputs',
      caseTimeoutMs: 20,
      abortGraceMs: 10,
    });
    expect(probe.aborts()).toBe(1);
    expect(report.cases[0]).toMatchObject({ id: 'a', error: 'timeout after 20 ms', score: 0 });
    expect(report.cases[1]!.score).toBe(1);
  });

  it('stops mid-run without recording the interrupted case, and resumes without repeating one', async () => {
    const controller = new AbortController();
    const first = instrument(createReplayEngine(suite, outputs, { pace: { tokensPerSecond: 1000 } }));
    const saved: string[] = [];
    const run1 = await runSuite({
      suite,
      engine: first.engine,
      params: { ...DEFAULT_PARAMS },
      source: 'outputs',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'case-start' && p.caseId === 'b') controller.abort();
      },
      onCaseDone: (r) => {
        saved.push(r.id);
      },
    });
    expect(run1.stopped).toBe(true);
    expect(saved).toEqual(['a']);
    expect(run1.report.cases.map((c) => c.id)).toEqual(['a']);

    const second = instrument(createReplayEngine(suite, outputs));
    const run2 = await runSuite({
      suite,
      engine: second.engine,
      params: { ...DEFAULT_PARAMS },
      source: 'outputs',
      done: run1.report.cases,
      onCaseDone: (r) => {
        saved.push(r.id);
      },
    });
    expect(run2.stopped).toBe(false);
    expect(second.count()).toBe(2);
    expect(saved).toEqual(['a', 'b', 'c']);
    expect(run2.report.cases.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('scores a case with no recorded output as an error', async () => {
    const { report } = await runSuite({
      suite,
      engine: createReplayEngine(suite, new Map([['a', outputs.get('a')!]])),
      params: { ...DEFAULT_PARAMS },
      source: 'outputs',
    });
    expect(report.cases[1]).toMatchObject({ error: 'no output', score: 0, passed: false });
  });

  it('runs only the chosen cases when asked', async () => {
    const { report } = await runSuite({
      suite,
      engine: createReplayEngine(suite, outputs),
      params: { ...DEFAULT_PARAMS },
      source: 'replay',
      only: new Set(['c']),
    });
    expect(report.cases.map((c) => c.id)).toEqual(['c']);
    expect(report.summary.n).toBe(1);
  });
});

describe('runSuite in constrained tool-call mode', () => {
  it("gives the engine every tool's schema and records the parameters as given", async () => {
    const seen: unknown[] = [];
    const base = createReplayEngine(suite, outputs);
    const engine: Engine = {
      ...base,
      generate(messages, params, onToken) {
        seen.push(params.tool_schemas);
        return base.generate(messages, params, onToken);
      },
    };
    const params = { ...DEFAULT_PARAMS, tool_call_mode: 'constrained' as const };
    const { report } = await runSuite({ suite, engine, params, source: 'outputs' });
    expect(seen[0]).toEqual([{ name: 'read_file', parameters: suite.tools[0]!.parameters }]);
    expect(report.params).not.toHaveProperty('tool_schemas');
    expect(report.toolCallMode).toBe('constrained');
  });
});
