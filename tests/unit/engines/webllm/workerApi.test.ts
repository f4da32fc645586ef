import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import type { AppConfig, ChatCompletionChunk, ChatCompletionRequestStreaming } from '@mlc-ai/web-llm';
import { describe, expect, it, vi } from 'vitest';
import type { LoadProgress, WebLlmModelRef } from '../../../../src/core/engine.ts';
import { generationRequest } from '../../helpers/generationRequest.ts';
import { WEBLLM_CACHES } from '../../../../src/engines/webllm/diagnose.ts';
import type { InitProgressReport } from '../../../../src/engines/webllm/progress.ts';
import {
  createWorkerApi,
  type EngineLike,
  type WorkerEnv,
} from '../../../../src/engines/webllm/workerApi.ts';
import { fakeCaches, fakeFetch } from './fakes.ts';

const MODEL = 'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC';
const REF: WebLlmModelRef = { engine: 'webllm', kind: 'catalog', modelId: MODEL };
const BASE = `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/`;
const LIB = prebuiltAppConfig.model_list.find((m) => m.model_id === MODEL)?.model_lib ?? '';

interface FakeEngine extends EngineLike {
  reloads: { modelId: string; appConfig: AppConfig | undefined }[];
  requests: ChatCompletionRequestStreaming[];
}

function chunk(
  content: string | null,
  finish: ChatCompletionChunk.Choice['finish_reason'] = null,
): ChatCompletionChunk {
  return {
    id: 'c',
    created: 0,
    model: MODEL,
    object: 'chat.completion.chunk',
    choices:
      content === null && finish === null ? [] : [{ index: 0, delta: { content }, finish_reason: finish }],
  };
}

function fakeEngine(opts: {
  reload?: (report: (r: InitProgressReport) => void) => Promise<void>;
  chunks?: ChatCompletionChunk[];
}): FakeEngine {
  let progress: ((r: InitProgressReport) => void) | undefined;
  let appConfig: AppConfig | undefined;
  const engine: FakeEngine = {
    reloads: [],
    requests: [],
    setAppConfig: (c) => (appConfig = c),
    setInitProgressCallback: (cb) => (progress = cb),
    async reload(modelId) {
      engine.reloads.push({ modelId, appConfig });
      await opts.reload?.((r) => progress?.(r));
    },
    unload: vi.fn(async () => undefined),
    interruptGenerate: vi.fn(),
    chat: {
      completions: {
        async create(request) {
          engine.requests.push(request);
          const chunks = opts.chunks ?? [];
          return (async function* () {
            yield* chunks;
          })();
        },
      },
    },
  };
  return engine;
}

function env(engine: FakeEngine, overrides: Partial<WorkerEnv> = {}): WorkerEnv & { released: unknown[] } {
  let clock = 0;
  const released: unknown[] = [];
  return {
    lib: {
      version: '0.2.86',
      prebuiltAppConfig,
      createEngine: () => engine,
      hasModelInCache: vi.fn(async () => false),
      deleteModelAllInfoInCache: vi.fn(async () => undefined),
    },
    fetch: fakeFetch({}),
    caches: fakeCaches(),
    gpu: () => undefined,
    now: () => (clock += 100),
    release: (cb) => released.push(cb),
    tokenBatchMs: 0,
    released,
    ...overrides,
  };
}

describe('worker API: load', () => {
  it('loads a catalog model with its own model record, maps progress and releases the callback', async () => {
    const engine = fakeEngine({
      reload: async (report) => {
        report({
          progress: 0.5,
          timeElapsed: 2,
          text: 'Fetching param cache[1/2]: 10MB fetched. 50% completed, 2 secs elapsed.',
        });
        report({ progress: 1, timeElapsed: 3, text: 'Finish loading on WebGPU - google' });
      },
    });
    const e = env(engine);
    const api = createWorkerApi(e);
    const seen: LoadProgress[] = [];
    const onProgress = (p: LoadProgress): void => void seen.push(p);
    const result = await api.load(1, REF, onProgress);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      kind: 'webllm',
      version: '0.2.86',
      source: {
        kind: 'webllm',
        version: '0.2.86',
        model: { id: MODEL, url: `https://huggingface.co/mlc-ai/${MODEL}`, libUrl: LIB },
      },
      load: { fromCache: false, bytesDownloaded: 0 },
    });
    expect(result.value.load?.ms).toBeGreaterThan(0);
    expect(engine.reloads).toHaveLength(1);
    expect(engine.reloads[0]?.appConfig?.model_list.map((m) => m.model_id)).toEqual([MODEL]);
    expect(engine.reloads[0]?.appConfig?.cacheBackend).toBe('cache');
    expect(seen.map((p) => p.stage)).toEqual(['prepare', 'download', 'done']);
    expect(seen[1]?.shard).toEqual({ index: 1, count: 2 });
    expect(e.released).toEqual([onProgress]);
    expect(await api.info()).toEqual(result.value);
  });

  it('measures warm loads and the bytes a load added to the cache', async () => {
    const caches = fakeCaches();
    const engine = fakeEngine({
      reload: async () => {
        const model = await caches.open(WEBLLM_CACHES.model);
        (caches.store.get(WEBLLM_CACHES.model) as Map<string, string>).set(
          `${BASE}params_shard_0.bin`,
          'x'.repeat(1000),
        );
        void model;
      },
    });
    const e = env(engine, { caches });
    e.lib.hasModelInCache = vi.fn(async () => true);
    const result = await createWorkerApi(e).load(1, REF, () => undefined);
    expect(result.ok && result.value.load).toMatchObject({ fromCache: true, bytesDownloaded: 1000 });
  });

  it('names the failed artifact when WebLLM only says the Cache add failed', async () => {
    const caches = fakeCaches({ [WEBLLM_CACHES.config]: { [`${BASE}mlc-chat-config.json`]: '{}' } });
    const engine = fakeEngine({
      reload: async () => {
        throw new TypeError("Failed to execute 'add' on 'Cache': Request failed");
      },
    });
    const result = await createWorkerApi(env(engine, { caches })).load(1, REF, () => undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ name: 'ArtifactFetchFailed', url: LIB, status: 404 });
    expect(result.error.detail).toContain("Failed to execute 'add' on 'Cache'");
  });

  it('points at the library when it is not WebAssembly, without probing further', async () => {
    const engine = fakeEngine({
      reload: async () => {
        throw Object.assign(new Error('WebAssembly.instantiate(): expected magic word 00 61 73 6d'), {
          name: 'CompileError',
        });
      },
    });
    const e = env(engine);
    const result = await createWorkerApi(e).load(1, REF, () => undefined);
    expect(!result.ok && result.error).toMatchObject({ name: 'InvalidModelLibrary', url: LIB });
    expect((e.fetch as ReturnType<typeof fakeFetch>).calls).toEqual([]);
  });

  it('refuses an f16 build before downloading when the adapter has no shader-f16', async () => {
    const engine = fakeEngine({});
    const gpu = { requestAdapter: async () => ({ features: new Set(['subgroups']) }) } as unknown as GPU;
    const e = env(engine, { gpu: () => gpu });
    const api = createWorkerApi(e);
    const r = await api.load(
      1,
      { engine: 'webllm', kind: 'catalog', modelId: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC' },
      () => undefined,
    );
    expect(!r.ok && r.error).toMatchObject({
      name: 'ShaderF16Unsupported',
      suggestion: { action: 'use-model', modelId: MODEL },
    });
    expect(engine.reloads).toHaveLength(0);
    // The f32 build passes the check; f16 records handed to WebLLM declare the feature.
    expect((await api.load(2, REF, () => undefined)).ok).toBe(true);
    const withF16 = createWorkerApi(env(engine));
    await withF16.load(
      3,
      { engine: 'webllm', kind: 'catalog', modelId: 'Qwen2.5-Coder-0.5B-Instruct-q0f16-MLC' },
      () => undefined,
    );
    expect(engine.reloads.at(-1)?.appConfig?.model_list[0]?.required_features).toEqual(['shader-f16']);
    expect(engine.reloads[0]?.appConfig?.model_list[0]?.required_features).toBeUndefined();
  });

  it('maps WebLLM errors and keeps working for a second attempt', async () => {
    let attempt = 0;
    const engine = fakeEngine({
      reload: async () => {
        attempt += 1;
        if (attempt === 1)
          throw new Error('ShaderF16SupportError: This model requires WebGPU extension shader-f16');
      },
    });
    const api = createWorkerApi(env(engine));
    const first = await api.load(
      1,
      { engine: 'webllm', kind: 'catalog', modelId: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC' },
      () => undefined,
    );
    expect(!first.ok && first.error.suggestion).toEqual({ action: 'use-model', modelId: MODEL });
    expect((await api.load(2, REF, () => undefined)).ok).toBe(true);
  });

  it('drops the result and progress of a superseded load', async () => {
    let finishFirst: () => void = () => undefined;
    let calls = 0;
    let report: ((r: InitProgressReport) => void) | undefined;
    const engine = fakeEngine({
      reload: (r) => {
        calls += 1;
        report = r;
        return calls === 1 ? new Promise<void>((resolve) => (finishFirst = resolve)) : Promise.resolve();
      },
    });
    const api = createWorkerApi(env(engine));
    const firstSeen: LoadProgress[] = [];
    const first = api.load(1, REF, (p) => void firstSeen.push(p));
    await vi.waitFor(() => expect(calls).toBe(1));
    const second = await api.load(2, REF, () => undefined);
    expect(second.ok).toBe(true);
    const before = firstSeen.length;
    report?.({ progress: 1, timeElapsed: 1, text: 'Finish loading on WebGPU - x' });
    finishFirst();
    expect(await first).toEqual({ ok: false, error: expect.objectContaining({ name: 'Superseded' }) });
    expect(firstSeen.length).toBe(before);
  });

  it('rejects unknown models and checks custom folders before loading', async () => {
    const engine = fakeEngine({});
    const fetch = fakeFetch({});
    const api = createWorkerApi(env(engine, { fetch }));
    const unknown = await api.load(
      1,
      { engine: 'webllm', kind: 'catalog', modelId: 'nope' },
      () => undefined,
    );
    expect(!unknown.ok && unknown.error.name).toBe('ModelNotFound');
    const ref: WebLlmModelRef = {
      engine: 'webllm',
      kind: 'custom',
      modelId: 'm',
      modelUrl: 'https://example.org/m',
      modelLibUrl: 'https://example.org/m.wasm',
    };
    // A host outside the catalog's is refused before any request until the user confirms it.
    const refused = await api.load(2, ref, () => undefined);
    expect(!refused.ok && refused.error.name).toBe('UntrustedHost');
    expect(!refused.ok && refused.error.message).toContain('https://example.org');
    const checked = await api.checkCustomModel(ref);
    expect(!checked.ok && checked.error.name).toBe('UntrustedHost');
    expect(fetch.calls).toEqual([]);

    const custom = await api.load(3, ref, () => undefined, ['https://example.org']);
    expect(!custom.ok && custom.error).toMatchObject({
      name: 'InvalidCustomModel',
      url: 'https://example.org/m/resolve/main/mlc-chat-config.json',
    });
    expect(fetch.calls.length).toBeGreaterThan(0);
    // Trust is per load, as the page sends it: a later load without it is refused again.
    const again = await api.load(4, ref, () => undefined);
    expect(!again.ok && again.error.name).toBe('UntrustedHost');
    expect(engine.reloads).toHaveLength(0);
  });

  it('loads a custom build on a catalog host (Hugging Face) without asking', async () => {
    const api = createWorkerApi(env(fakeEngine({})));
    const result = await api.load(
      1,
      {
        engine: 'webllm',
        kind: 'custom',
        modelId: 'm',
        modelUrl: 'https://huggingface.co/me/m',
        modelLibUrl: 'https://raw.githubusercontent.com/me/libs/main/m.wasm',
      },
      () => undefined,
    );
    expect(!result.ok && result.error.name).not.toBe('UntrustedHost');
  });
});

describe('worker API: generate', () => {
  async function loaded(chunks: ChatCompletionChunk[]) {
    const engine = fakeEngine({ chunks });
    const e = env(engine);
    const api = createWorkerApi(e);
    await api.load(1, REF, () => undefined);
    return { api, engine, e };
  }

  it('refuses before a model is loaded', async () => {
    const api = createWorkerApi(env(fakeEngine({})));
    const r = await api.generate(
      1,
      generationRequest([], { temperature: 0, top_p: 1, max_tokens: 8, seed: 0 }),
      () => undefined,
    );
    expect(!r.ok && r.error.name).toBe('ModelNotLoaded');
  });

  it('streams text, maps finish reason and usage, batches tokens and releases the callback', async () => {
    const usageChunk: ChatCompletionChunk = {
      ...chunk(null),
      usage: {
        prompt_tokens: 10,
        completion_tokens: 3,
        total_tokens: 13,
        extra: {
          e2e_latency_s: 1,
          prefill_tokens_per_s: 100,
          decode_tokens_per_s: 20,
          time_to_first_token_s: 0.1,
          time_per_output_token_s: 0.05,
        },
      },
    };
    const { api, engine, e } = await loaded([chunk('Hel'), chunk('lo'), chunk('!', 'stop'), usageChunk]);
    const tokens: string[] = [];
    const onTokens = (t: string): void => void tokens.push(t);
    const r = await api.generate(
      2,
      generationRequest([{ role: 'user', content: 'hi' }], {
        temperature: 0,
        top_p: 1,
        max_tokens: 8,
        seed: 1,
      }),
      onTokens,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.text).toBe('Hello!');
    expect(r.value.finishReason).toBe('stop');
    expect(r.value.usage.reported).toMatchObject({
      promptTokens: 10,
      completionTokens: 3,
      ttftMs: 100,
      decodeTps: 20,
    });
    expect(r.value.usage.measured.e2eMs).toBeGreaterThan(0);
    expect(tokens.join('')).toBe('Hello!');
    expect(engine.requests[0]?.stream_options).toEqual({ include_usage: true });
    expect(e.released).toContain(onTokens);
  });

  it('interrupts on abort', async () => {
    const { api, engine } = await loaded([chunk('a'), chunk('', 'abort')]);
    await api.abort();
    expect(engine.interruptGenerate).toHaveBeenCalled();
    const r = await api.generate(
      2,
      generationRequest([], { temperature: 0, top_p: 1, max_tokens: 8, seed: 1 }),
      () => undefined,
    );
    expect(r.ok && r.value.finishReason).toBe('abort');
  });

  it('interrupts a running generation when a newer one starts, and drops the old result', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engine = fakeEngine({});
    let calls = 0;
    engine.chat.completions.create = async () => {
      calls += 1;
      const first = calls === 1;
      return (async function* () {
        yield chunk(first ? 'old' : 'new');
        if (first) await gate;
        yield chunk('', 'stop');
      })();
    };
    const api = createWorkerApi(env(engine));
    await api.load(1, REF, () => undefined);
    const request = generationRequest([], { max_tokens: 8, seed: 1 });
    const first = api.generate(2, request, () => undefined);
    await vi.waitFor(() => expect(calls).toBe(1));
    const second = api.generate(3, request, () => undefined);
    await vi.waitFor(() => expect(engine.interruptGenerate).toHaveBeenCalled());
    release();
    expect(await first).toEqual({ ok: false, error: expect.objectContaining({ name: 'Superseded' }) });
    const newer = await second;
    expect(newer.ok && newer.value.text).toBe('new');
  });

  it('returns errors as values', async () => {
    const { api, engine } = await loaded([]);
    engine.chat.completions.create = async () => {
      throw new Error('ContextWindowSizeExceededError: Prompt tokens exceed context window size: 9000');
    };
    const r = await api.generate(
      2,
      generationRequest([], { temperature: 0, top_p: 1, max_tokens: 8, seed: 1 }),
      () => undefined,
    );
    expect(!r.ok && r.error.name).toBe('PromptTooLong');
  });
});

describe('worker API: cache', () => {
  it('answers which models are cached and deletes through WebLLM', async () => {
    const e = env(fakeEngine({}));
    e.lib.hasModelInCache = vi.fn(async (id: string) => id === MODEL);
    const api = createWorkerApi(e);
    const ids = await api.cachedModelIds([
      REF,
      { engine: 'webllm', kind: 'catalog', modelId: 'Qwen2.5-Coder-3B-Instruct-q4f32_1-MLC' },
    ]);
    expect(ids).toEqual({ ok: true, value: [MODEL] });
    expect(await api.deleteCachedModel(REF)).toEqual({ ok: true, value: undefined });
    expect(e.lib.deleteModelAllInfoInCache).toHaveBeenCalledWith(
      MODEL,
      expect.objectContaining({ cacheBackend: 'cache' }),
    );
  });

  it('deletes every WebLLM cache', async () => {
    const caches = fakeCaches({
      [WEBLLM_CACHES.model]: { a: 'x' },
      [WEBLLM_CACHES.wasm]: { b: 'y' },
      other: {},
    });
    const api = createWorkerApi(env(fakeEngine({}), { caches }));
    expect((await api.deleteAllCached()).ok).toBe(true);
    expect([...caches.store.keys()]).toEqual(['other']);
  });
});
