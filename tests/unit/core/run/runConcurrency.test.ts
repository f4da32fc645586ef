import { describe, expect, it } from 'vitest';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { caseRequest } from '../../../../src/core/run/caseRequest.ts';
import { generateWithLimits } from '../../../../src/core/run/generateWithLimits.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import type { Engine, EngineResult, GenerationResult } from '../../../../src/core/engine.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';
import { generationRequest } from '../../helpers/generationRequest.ts';

const NO_FIGURES = {
  promptTokens: null,
  completionTokens: null,
  ttftMs: null,
  prefillTps: null,
  decodeTps: null,
  e2eMs: null,
};

const suite: Suite = {
  id: 'many',
  version: '1',
  description: 'ten cases',
  system_prompt: 'Sys.\n\n{tools}',
  tools: [
    {
      name: 'read_file',
      description: 'Read a file',
      parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
    },
  ],
  cases: Array.from({ length: 10 }, (_, i) => ({
    id: `c${i}`,
    category: 'x',
    prompt: `case ${i}`,
    expected_keywords: [`answer ${i}`],
  })),
};

/**
 * An engine whose generations finish when the test releases them (in any order), counting how
 * many run at once; a released generation answers `answer <i>` for `case <i>`.
 */
function gatedEngine() {
  const waiting = new Map<string, () => void>();
  let inFlight = 0;
  let most = 0;
  const engine: Engine = {
    stopsEachBySignal: true,
    async load() {
      throw new Error('unused');
    },
    async generate(request, _onToken, signal): Promise<EngineResult<GenerationResult>> {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const id = request.caseId;
      const stopped = await new Promise<boolean>((resolve) => {
        // Released once: the entry goes at once, so `waiting` holds only generations still held.
        waiting.set(id, () => {
          waiting.delete(id);
          resolve(false);
        });
        signal?.addEventListener('abort', () => resolve(true), { once: true });
      });
      inFlight -= 1;
      waiting.delete(id);
      const text = stopped ? '' : `answer ${id.slice(1)}`;
      return {
        ok: true,
        value: {
          text,
          finishReason: stopped ? 'abort' : 'stop',
          usage: { reported: { ...NO_FIGURES }, measured: { ...NO_FIGURES } },
        },
      };
    },
    async abort() {},
    async unload() {},
    async info() {
      return { kind: 'endpoint', version: 'test', source: null, load: null, contextWindow: null };
    },
  };
  return { engine, waiting, most: () => most };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await tick();
}

describe('runSuite with concurrency', () => {
  it('runs N generations at once and keeps records in suite order whatever order they finish in', async () => {
    const gate = gatedEngine();
    const done: string[] = [];
    const run = runSuite({
      suite,
      engine: gate.engine,
      params: DEFAULT_PARAMS,
      concurrency: 3,
      onCaseDone: (r) => void done.push(r.id),
    });
    // Release whichever generation is waiting, newest first, until all ten are done.
    for (let released = 0; released < 10; released += 1) {
      await until(() => gate.waiting.size > 0);
      await tick();
      const last = [...gate.waiting.keys()].at(-1)!;
      gate.waiting.get(last)!();
    }
    const { report, stopped } = await run;
    expect(stopped).toBe(false);
    expect(gate.most()).toBe(3);
    expect(report.cases.map((c) => c.id)).toEqual(suite.cases.map((c) => c.id));
    expect(done).toEqual(suite.cases.map((c) => c.id));
    expect(report.cases.every((c) => c.passed)).toBe(true);
  });

  it('a concurrency that is not a whole number above 1 runs one at a time', async () => {
    for (const concurrency of [Number.NaN, 0, -3, 1.9]) {
      const gate = gatedEngine();
      const run = runSuite({ suite, engine: gate.engine, params: DEFAULT_PARAMS, concurrency });
      for (let released = 0; released < 10; released += 1) {
        await until(() => gate.waiting.size > 0);
        await tick();
        gate.waiting.values().next().value!();
      }
      expect((await run).report.cases).toHaveLength(10);
      expect(gate.most()).toBe(1);
    }
  });

  it('one at a time by default', async () => {
    const gate = gatedEngine();
    const run = runSuite({ suite, engine: gate.engine, params: DEFAULT_PARAMS });
    for (let released = 0; released < 10; released += 1) {
      await until(() => gate.waiting.size > 0);
      await tick();
      gate.waiting.values().next().value!();
    }
    await run;
    expect(gate.most()).toBe(1);
  });

  it('a stop keeps the records that finished and none of those stopped', async () => {
    const gate = gatedEngine();
    const stop = new AbortController();
    const run = runSuite({
      suite,
      engine: gate.engine,
      params: DEFAULT_PARAMS,
      concurrency: 4,
      signal: stop.signal,
    });
    await until(() => gate.waiting.size === 4);
    gate.waiting.get('c1')!();
    gate.waiting.get('c0')!();
    await until(() => gate.waiting.size === 4 && gate.waiting.has('c5'));
    stop.abort();
    const { report, stopped } = await run;
    expect(stopped).toBe(true);
    expect(report.cases.map((c) => c.id)).toEqual(['c0', 'c1']);
  });
});

describe('generateWithLimits and engines that run several generations', () => {
  it("a time limit stops that generation alone, not the engine's others", async () => {
    const gate = gatedEngine();
    let aborts = 0;
    const engine: Engine = { ...gate.engine, abort: async () => void (aborts += 1) };
    const limited = await generateWithLimits(engine, generationRequest([], {}, { caseId: 'c1' }), () => {}, {
      timeoutMs: 5,
    });
    expect(limited.kind).toBe('timeout');
    expect(aborts).toBe(0);
    expect(gate.waiting.size).toBe(0);
  });
});

describe('caseRequest in native tool-call mode', () => {
  it('leaves the tools block out of the system prompt and still offers the tools', () => {
    const prompt = caseRequest(suite, suite.cases[0]!, DEFAULT_PARAMS, 0);
    const native = caseRequest(suite, suite.cases[0]!, { ...DEFAULT_PARAMS, tool_call_mode: 'native' }, 0);
    expect(prompt.messages[0]?.content).toContain('<tools>');
    expect(native.messages[0]?.content).toBe('Sys.');
    expect(native.tools).toEqual(suite.tools);
  });
});
