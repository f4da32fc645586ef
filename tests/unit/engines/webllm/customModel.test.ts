import { describe, expect, it } from 'vitest';
import { probeCustomModel, validateCustomModel } from '../../../../src/engines/webllm/customModel.ts';
import { fakeFetch } from './fakes.ts';

const LIB = 'https://example.org/libs/Qwen2-1.5B-Instruct-q4f32_1-webgpu.wasm';
const BASE = 'https://example.org/models/MyQwen-MLC/resolve/main/';

describe('validateCustomModel', () => {
  it('accepts absolute http(s) URLs and a .wasm library, deriving an id from the folder', () => {
    const r = validateCustomModel({ modelUrl: ' https://example.org/models/MyQwen-MLC ', modelLibUrl: LIB });
    expect(r).toEqual({
      ok: true,
      value: {
        engine: 'webllm',
        kind: 'custom',
        modelId: 'MyQwen-MLC',
        modelUrl: 'https://example.org/models/MyQwen-MLC',
        modelLibUrl: LIB,
      },
    });
    const resolved = validateCustomModel({ modelUrl: `${BASE}`, modelLibUrl: LIB });
    expect(resolved.ok && resolved.value.modelId).toBe('MyQwen-MLC');
  });

  it('rejects relative and non-http URLs with what to do', () => {
    const rel = validateCustomModel({ modelUrl: '/models/x', modelLibUrl: LIB });
    expect(rel.ok).toBe(false);
    if (!rel.ok) {
      expect(rel.error.name).toBe('InvalidCustomModel');
      expect(rel.error.message).toMatch(/not an absolute http\(s\) URL/);
    }
    expect(validateCustomModel({ modelUrl: 'ftp://x.org/m', modelLibUrl: LIB }).ok).toBe(false);
    expect(validateCustomModel({ modelUrl: 'javascript:alert(1)', modelLibUrl: LIB }).ok).toBe(false);
    expect(validateCustomModel({ modelUrl: 'https://x.org/m', modelLibUrl: 'lib.wasm' }).ok).toBe(false);
  });

  it('requires the library to be a .wasm file', () => {
    const r = validateCustomModel({ modelUrl: 'https://x.org/m', modelLibUrl: 'https://x.org/lib.js' });
    expect(!r.ok && r.error.message).toMatch(/\.wasm/);
  });

  it('keeps custom ids apart from catalog ids', () => {
    const r = validateCustomModel({
      modelUrl: 'https://mirror.org/Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC',
      modelLibUrl: LIB,
    });
    expect(r.ok && r.value.modelId).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC-custom');
  });
});

describe('probeCustomModel', () => {
  const ref = {
    engine: 'webllm',
    kind: 'custom',
    modelId: 'MyQwen-MLC',
    modelUrl: 'https://example.org/models/MyQwen-MLC',
    modelLibUrl: LIB,
  } as const;
  const good = {
    [`${BASE}mlc-chat-config.json`]: {
      body: JSON.stringify({ conv_template: {}, tokenizer_files: ['tokenizer.json'] }),
    },
    [`${BASE}tensor-cache.json`]: { body: JSON.stringify({ records: [] }) },
    [LIB]: { body: 'wasm' },
  };

  it('passes a folder with a chat config, a weight index and a library', async () => {
    expect(await probeCustomModel(ref, fakeFetch(good))).toEqual({ ok: true, value: undefined });
  });

  it('names the missing chat config and explains the resolve/main layout', async () => {
    const r = await probeCustomModel(ref, fakeFetch({}));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.url).toBe(`${BASE}mlc-chat-config.json`);
      expect(r.error.message).toContain('HTTP 404');
      expect(r.error.message).toContain('/resolve/main/');
    }
  });

  it('rejects a config that is not an MLC chat config', async () => {
    const r = await probeCustomModel(
      ref,
      fakeFetch({ ...good, [`${BASE}mlc-chat-config.json`]: { body: '<html>' } }),
    );
    expect(!r.ok && r.error.message).toMatch(/not an MLC chat config/);
  });

  it('names a missing weight index or library', async () => {
    const noIndex = { ...good } as Record<string, unknown>;
    delete noIndex[`${BASE}tensor-cache.json`];
    const r1 = await probeCustomModel(ref, fakeFetch(noIndex as typeof good));
    expect(!r1.ok && r1.error.url).toBe(`${BASE}tensor-cache.json`);
    const r2 = await probeCustomModel(ref, fakeFetch({ ...good, [LIB]: { status: 403 } }));
    expect(!r2.ok && r2.error.message).toContain('HTTP 403');
    expect(!r2.ok && r2.error.url).toBe(LIB);
  });

  it('reports a network failure without throwing', async () => {
    const r = await probeCustomModel(ref, fakeFetch(good, [`${BASE}mlc-chat-config.json`]));
    expect(!r.ok && r.error.message).toMatch(/network error \(TypeError: Failed to fetch\)/);
  });
});
