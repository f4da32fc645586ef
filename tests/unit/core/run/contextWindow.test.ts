import { describe, expect, it } from 'vitest';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { caseKey } from '../../../../src/core/run/caseKey.ts';
import { promptSizesInMessage, promptTooLong } from '../../../../src/core/run/promptTooLong.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { createReplayEngine } from '../../../../src/engines/replay/createReplayEngine.ts';
import { toEngineError } from '../../../../src/engines/webllm/errors.ts';
import type { Engine, GenerationRequest } from '../../../../src/core/engine.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';

const suite: Suite = {
  id: 'ctx',
  version: '1',
  description: '',
  system_prompt: '',
  tools: [],
  cases: [
    { id: 'short', category: 'c', prompt: 'x'.repeat(10), expected_keywords: ['ok'] },
    { id: 'huge', category: 'c', prompt: 'x'.repeat(200), expected_keywords: ['ok'] },
    { id: 'tight', category: 'c', prompt: 'x'.repeat(80), expected_keywords: ['ok'] },
  ],
};

/** A replay engine with a 100-token window that counts one token per prompt character. */
function windowedEngine(count: (request: GenerationRequest) => Promise<number | null>) {
  const replay = createReplayEngine(
    new Map(suite.cases.map((c) => [caseKey(c.id, 0), { output: 'ok' }] as const)),
  );
  const generated: string[] = [];
  const engine: Engine = {
    ...replay,
    async info() {
      return { ...(await replay.info()), contextWindow: 100 };
    },
    generate(request, onToken) {
      generated.push(request.caseId);
      return replay.generate(request, onToken);
    },
    countPromptTokens: count,
  };
  return { engine, generated };
}

const byLength = async (request: GenerationRequest) =>
  request.messages.reduce((sum, m) => sum + m.content.length, 0);

describe('the context-window verdict', () => {
  it('gives a case that cannot fit its verdict before generation, and runs the others', async () => {
    const { engine, generated } = windowedEngine(byLength);
    const { report } = await runSuite({ suite, engine, params: { ...DEFAULT_PARAMS, max_tokens: 30 } });
    expect(generated).toEqual(['short']);
    expect(report.cases.map((c) => [c.id, c.passed, c.error ?? null])).toEqual([
      ['short', true, null],
      ['huge', false, 'prompt too long for this build: 200 tokens of 100'],
      [
        'tight',
        false,
        'prompt too long for this build: 80 tokens of 100, and max_tokens 30 does not fit after it',
      ],
    ]);
    expect(report.cases[1]).toMatchObject({ output: null, finishReason: 'error', usage: null });
  });

  it('leaves the decision to the engine when it cannot count or counting fails', async () => {
    const cannot = windowedEngine(async () => null);
    await runSuite({ suite, engine: cannot.engine, params: { ...DEFAULT_PARAMS, max_tokens: 30 } });
    expect(cannot.generated).toEqual(['short', 'huge', 'tight']);
    const broken = windowedEngine(() => Promise.reject(new Error('tokenizer gone')));
    const { report } = await runSuite({ suite, engine: broken.engine, params: { ...DEFAULT_PARAMS } });
    expect(report.cases.every((c) => c.passed)).toBe(true);
  });

  it('promptTooLong says nothing when a figure is unknown or it fits', () => {
    expect(promptTooLong(null, 10, 100)).toBeNull();
    expect(promptTooLong(50, 10, null)).toBeNull();
    expect(promptTooLong(90, 10, 100)).toBeNull();
    expect(promptTooLong(91, 10, 100)).toMatch(/91 tokens of 100, and max_tokens 10/);
  });

  it("maps WebLLM's context-window error to the same words, with its figures", () => {
    const error = new Error(
      'Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096\nConsider shortening the prompt.',
    );
    error.name = 'ContextWindowSizeExceededError';
    expect(toEngineError(error, { operation: 'generate' })).toMatchObject({
      name: 'PromptTooLong',
      message: 'prompt too long for this build: 5000 tokens of 4096',
    });
    expect(promptSizesInMessage('nothing here')).toBeNull();
  });

  it('names a length stop where the context window filled, for an engine that cannot count (WebLLM)', async () => {
    // One token per prompt character; the completion fills what is left of the 100-token window.
    const engine: Engine = {
      ...createReplayEngine(new Map()),
      async info() {
        return { kind: 'webllm', version: 'test', source: null, load: null, contextWindow: 100 };
      },
      async generate(request) {
        const prompt = request.messages.reduce((sum, m) => sum + m.content.length, 0);
        const completion = Math.min(request.params.max_tokens, 100 - prompt);
        const figures = {
          promptTokens: prompt,
          completionTokens: completion,
          ttftMs: null,
          prefillTps: null,
          decodeTps: null,
          e2eMs: null,
        };
        return {
          ok: true,
          value: {
            text: 'partial ok',
            finishReason: 'length',
            usage: { reported: figures, measured: figures },
          },
        };
      },
    };
    const small: Suite = { ...suite, cases: [suite.cases[0]!, suite.cases[2]!] };
    const { report } = await runSuite({
      suite: small,
      engine,
      params: { ...DEFAULT_PARAMS, max_tokens: 30 },
    });
    expect(report.cases.map((c) => [c.id, c.passed, c.error ?? null, c.output])).toEqual([
      // 10 + 30 tokens: stopped at max_tokens, not at the window; scored as usual.
      ['short', true, null, 'partial ok'],
      [
        'tight',
        false,
        'prompt too long for this build: 80 tokens of 100, and max_tokens 30 does not fit after it; ' +
          'generation stopped when the context window filled',
        'partial ok',
      ],
    ]);
  });
});

describe('a run whose engine answers at once', () => {
  it('still lets a timer stop it (the loop yields to the event loop as it goes)', async () => {
    const cases = Array.from({ length: 4000 }, (_, i) => ({
      id: `c${i}`,
      category: 'c',
      prompt: `case ${i}`,
      expected_keywords: ['ok'],
    }));
    const many: Suite = { ...suite, cases };
    const engine = createReplayEngine(
      new Map(cases.map((c) => [caseKey(c.id, 0), { output: 'ok' }] as const)),
    );
    const abort = new AbortController();
    // Fires on the first turn of the event loop after the run starts.
    setTimeout(() => abort.abort(), 0);
    const { report, stopped } = await runSuite({
      suite: many,
      engine,
      params: { ...DEFAULT_PARAMS },
      signal: abort.signal,
    });
    expect(stopped).toBe(true);
    expect(report.cases.length).toBeLessThan(cases.length);
  });
});
