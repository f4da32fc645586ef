import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { caseKey } from '../../../../src/core/run/caseKey.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { ReportSchema } from '../../../../src/core/report/schema.ts';
import {
  createReplayEngine,
  type RecordedOutput,
} from '../../../../src/engines/replay/createReplayEngine.ts';
import type {
  Engine,
  EngineResult,
  GenerationRequest,
  GenerationResult,
} from '../../../../src/core/engine.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';
import type { ExecutionOutcome, Executor } from '../../../../src/core/execution/schema.ts';

export const suite: Suite = {
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

export function recordedOutputs(byId: Record<string, string>): Map<string, RecordedOutput> {
  return new Map(Object.entries(byId).map(([id, output]) => [caseKey(id, 0), { output }]));
}

const outputs = recordedOutputs({
  a: '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>',
  b: 'def is_prime(n): ...',
  c: 'A tuple cannot be changed.',
});

/** Wraps an engine, counting generate calls and letting a test replace individual answers. */
function instrument(
  engine: Engine,
  override?: (i: number, request: GenerationRequest) => Promise<EngineResult<GenerationResult>> | undefined,
) {
  let calls = 0;
  let aborts = 0;
  const requests: GenerationRequest[] = [];
  const wrapped: Engine = {
    ...engine,
    generate(request, onToken) {
      const i = calls++;
      requests.push(request);
      return override?.(i, request) ?? engine.generate(request, onToken);
    },
    async abort() {
      aborts++;
      await engine.abort();
    },
  };
  return { engine: wrapped, count: () => calls, aborts: () => aborts, requests };
}

describe('runSuite', () => {
  it('runs every case, scores it with the shared parser and produces a valid report', async () => {
    const { report, stopped } = await runSuite({
      suite,
      engine: createReplayEngine(outputs),
      params: { ...DEFAULT_PARAMS },
    });
    expect(stopped).toBe(false);
    expect(v.safeParse(ReportSchema, report).success).toBe(true);
    expect(report.cases.map((c) => [c.id, c.sample, c.score])).toEqual([
      ['a', 0, 1],
      ['b', 0, 1],
      ['c', 0, 0],
    ]);
    expect(report.cases[0]!.calls[0]).toMatchObject({ name: 'read_file', format: 'tagged-json' });
    expect(report.cases[0]!.outputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.cases[0]!.messagesHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.summary).toMatchObject({ headline: 'pass_rate', n: 3, records: 3 });
    expect(report.summary.overall).toBeCloseTo(2 / 3, 10);
    expect(report.summary.categories.find((c) => c.name === 'code')).toMatchObject({ mean: 0.5, n: 2 });
    expect(report.params).toMatchObject({ temperature: 0, max_tokens: 1024, samples: 1 });
    expect(report.source).toEqual({ kind: 'outputs', model: null });
    expect(report.rescored).toBeNull();
  });

  it("scores cases by Punie's rule when the suite's headline says so", async () => {
    const { report } = await runSuite({
      suite: { ...suite, headline: 'punie' },
      engine: createReplayEngine(outputs),
      params: { ...DEFAULT_PARAMS },
    });
    expect(report.summary.headline).toBe('punie');
    expect(report.cases.map((c) => c.score)).toEqual([1, 1, 0]);
    // Punie's case score is fractional: one of two keywords found gives 0.5, and still fails.
    const half = await runSuite({
      suite: { ...suite, headline: 'punie' },
      engine: createReplayEngine(recordedOutputs({ a: 'x', b: 'def f(): pass', c: 'immutable' })),
      params: { ...DEFAULT_PARAMS },
    });
    expect(half.report.cases.map((c) => [c.score, c.passed])).toEqual([
      [0, false],
      [0.5, false],
      [1, true],
    ]);
  });

  it('records an engine error on its case and goes on with the next', async () => {
    const { engine } = instrument(createReplayEngine(outputs), (i) =>
      i === 1
        ? Promise.resolve({ ok: false, error: { name: 'DeviceLost', message: 'GPU device lost' } })
        : undefined,
    );
    const { report } = await runSuite({ suite, engine, params: { ...DEFAULT_PARAMS } });
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

  it('records an engine that rejects as a failed case, not a crashed run', async () => {
    const { engine } = instrument(createReplayEngine(outputs), (i) =>
      i === 0 ? Promise.reject(new Error('worker exploded')) : undefined,
    );
    const { report } = await runSuite({ suite, engine, params: { ...DEFAULT_PARAMS } });
    expect(report.cases[0]).toMatchObject({ passed: false, error: 'Error: worker exploded' });
    expect(report.cases[1]!.passed).toBe(true);
  });

  it('records a case that exceeds its time limit as a timeout, aborts it and goes on', async () => {
    const hang = new Promise<EngineResult<GenerationResult>>(() => {});
    const probe = instrument(createReplayEngine(outputs), (i) => (i === 0 ? hang : undefined));
    const { report } = await runSuite({
      suite,
      engine: probe.engine,
      params: { ...DEFAULT_PARAMS },
      caseTimeoutMs: 20,
      abortGraceMs: 10,
    });
    expect(probe.aborts()).toBe(1);
    expect(report.cases[0]).toMatchObject({ id: 'a', error: 'timeout after 20 ms', score: 0 });
    expect(report.cases[1]!.score).toBe(1);
  });

  it('stops mid-run without recording the interrupted case, and resumes without repeating one', async () => {
    const controller = new AbortController();
    const first = instrument(createReplayEngine(outputs, { pace: { tokensPerSecond: 1000 } }));
    const saved: string[] = [];
    const run1 = await runSuite({
      suite,
      engine: first.engine,
      params: { ...DEFAULT_PARAMS },
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

    const second = instrument(createReplayEngine(outputs));
    const run2 = await runSuite({
      suite,
      engine: second.engine,
      params: { ...DEFAULT_PARAMS },
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
      engine: createReplayEngine(new Map([[caseKey('a', 0), outputs.get(caseKey('a', 0))!]])),
      params: { ...DEFAULT_PARAMS },
    });
    expect(report.cases[1]).toMatchObject({ error: 'no output', score: 0, passed: false });
  });

  it('runs only the chosen case records when asked', async () => {
    const { report } = await runSuite({
      suite,
      engine: createReplayEngine(outputs),
      params: { ...DEFAULT_PARAMS },
      only: new Set([caseKey('c', 0)]),
    });
    expect(report.cases.map((c) => c.id)).toEqual(['c']);
    expect(report.summary.n).toBe(1);
  });

  it('gives each case its own output when two cases send the same prompt', async () => {
    const twins: Suite = {
      ...suite,
      cases: [
        { id: 'x', category: 't', prompt: 'same', expected_keywords: ['alpha'] },
        { id: 'y', category: 't', prompt: 'same', expected_keywords: ['beta'] },
      ],
    };
    const { report } = await runSuite({
      suite: twins,
      engine: createReplayEngine(recordedOutputs({ x: 'gamma', y: 'beta' })),
      params: { ...DEFAULT_PARAMS },
    });
    expect(report.cases.map((c) => [c.id, c.output, c.passed])).toEqual([
      ['x', 'gamma', false],
      ['y', 'beta', true],
    ]);
  });
});

describe('runSuite with several samples per case', () => {
  it('generates each sample with its own seed, records each, and summarises per case', async () => {
    const byKey = new Map<string, RecordedOutput>([
      [
        caseKey('a', 0),
        { output: '<tool_call>{"name": "read_file", "arguments": {"path": "x"}}</tool_call>' },
      ],
      [caseKey('a', 1), { output: 'no call' }],
      [caseKey('b', 0), { output: 'def prime' }],
      [caseKey('b', 1), { output: 'def prime' }],
      [caseKey('c', 0), { output: 'nope' }],
      [caseKey('c', 1), { output: 'nope' }],
    ]);
    const probe = instrument(createReplayEngine(byKey));
    const { report } = await runSuite({
      suite,
      engine: probe.engine,
      params: { ...DEFAULT_PARAMS, temperature: 0.8, samples: 2 },
    });
    expect(probe.requests.map((r) => [r.caseId, r.sample, r.params.seed])).toEqual([
      ['a', 0, 42],
      ['a', 1, 43],
      ['b', 0, 42],
      ['b', 1, 43],
      ['c', 0, 42],
      ['c', 1, 43],
    ]);
    expect(report.cases.map((c) => [c.id, c.sample, c.passed])).toEqual([
      ['a', 0, true],
      ['a', 1, false],
      ['b', 0, true],
      ['b', 1, true],
      ['c', 0, false],
      ['c', 1, false],
    ]);
    // Three cases, six records; pass@1 = mean of per-case pass fractions = (0.5 + 1 + 0) / 3.
    expect(report.summary).toMatchObject({ n: 3, records: 6 });
    expect(report.summary.passRate).toBeCloseTo(0.5, 10);
    expect(report.summary.overall).toBeCloseTo(0.5, 10);
    expect(report.summary.passRateInterval.method).toBe('bootstrap-95');
    expect(v.safeParse(ReportSchema, report).success).toBe(true);
  });
});

describe('runSuite in constrained tool-call mode', () => {
  it('gives the engine the offered tools with every request and records the parameters as given', async () => {
    const probe = instrument(createReplayEngine(outputs));
    const params = { ...DEFAULT_PARAMS, tool_call_mode: 'constrained' as const };
    const { report } = await runSuite({ suite, engine: probe.engine, params });
    expect(probe.requests[0]!.tools).toEqual(suite.tools);
    expect(report.params).toEqual(params);
  });
});

describe('runSuite with code that runs', () => {
  it("executes a case's code while the next case generates, and keeps the records in suite order", async () => {
    const execSuite: Suite = {
      id: 'exec',
      version: '1',
      description: 'two cases with tests',
      system_prompt: 'Write Python.',
      tools: [],
      cases: ['one', 'two'].map((id) => ({
        id,
        category: 'code',
        prompt: `Write f for ${id}`,
        execution: { tests: 'assert f() == 1\n' },
      })),
    };
    const events: string[] = [];
    let secondGenerationStarted: () => void = () => undefined;
    const secondGeneration = new Promise<void>((resolve) => (secondGenerationStarted = resolve));
    const passed: ExecutionOutcome = {
      status: 'passed',
      message: '',
      stdout: '',
      stderr: '',
      stdoutTruncated: false,
      stderrTruncated: false,
      durationMs: 1,
    };
    // The first case's execution finishes only once the second case is generating: without the
    // overlap the run would wait for ever (and the test time out).
    const executor: Executor = {
      info: { runtime: 'pyodide', version: 'test', sandbox: 'node-child' },
      ready: () => Promise.resolve(),
      dispose: () => Promise.resolve(),
      async execute(job) {
        events.push(`execute ${job.solution.code.trim()}`);
        if (job.solution.code.includes('return 1')) await secondGeneration;
        return passed;
      },
    };
    const replay = createReplayEngine(
      recordedOutputs({ one: '```python\ndef f(): return 1\n```', two: '```python\ndef f(): return 2\n```' }),
    );
    const engine = instrument(replay, (i, request) => {
      events.push(`generate ${String(request.messages.at(-1)?.content)}`);
      if (i === 1) secondGenerationStarted();
      return undefined;
    }).engine;
    const { report } = await runSuite({ suite: execSuite, engine, params: { ...DEFAULT_PARAMS }, executor });
    expect(events.slice(0, 3)).toEqual([
      'generate Write f for one',
      'execute def f(): return 1',
      'generate Write f for two',
    ]);
    expect(report.cases.map((c) => c.id)).toEqual(['one', 'two']);
    expect(report.scoring?.executor?.version).toBe('test');
  });
});
