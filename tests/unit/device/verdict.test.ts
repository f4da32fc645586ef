import { describe, expect, it } from 'vitest';
import {
  FALLBACK_ADAPTER_NOTE,
  freeStorageBytes,
  modelVerdict,
  modelVerdicts,
  recommendModel,
  shortBuildName,
  summarizeDevice,
} from '../../../src/device/verdict.ts';
import { findCatalogModel, modelCatalog } from '../../../src/engines/webllm/models.ts';
import { laptop, swiftshader } from './deviceFixtures.ts';

function model(id: string) {
  const m = findCatalogModel(id);
  if (!m) throw new Error(`not in the catalog: ${id}`);
  return m;
}
const F16_15 = model('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
const F32_15 = model('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
const F32_7 = model('Qwen2.5-Coder-7B-Instruct-q4f32_1-MLC');
const F32_05 = model('Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC');

describe('modelVerdict', () => {
  it('sends f16 builds to the f32 build when shader-f16 is missing', () => {
    const v = modelVerdict(swiftshader(), F16_15, modelCatalog);
    expect(v).toMatchObject({ fit: 'needs-f32', alternativeId: F32_15.id });
    expect(v.reason).toContain(F32_15.id);
    expect(modelVerdict(swiftshader(), F32_15, modelCatalog).fit).toBe('runs');
    expect(modelVerdict(laptop(), F16_15, modelCatalog).fit).toBe('runs');
  });

  it('finds no model without WebGPU or below the WebLLM limits', () => {
    expect(modelVerdict(swiftshader({ webgpu: 'no-adapter', adapter: null }), F32_05, modelCatalog).fit).toBe(
      'no-webgpu',
    );
    expect(modelVerdict(swiftshader({ webgpu: 'no-api', adapter: null }), F32_05, modelCatalog).fit).toBe(
      'no-webgpu',
    );
    const low = swiftshader({ limits: { ...swiftshader().limits, maxStorageBuffersPerShaderStage: 8 } });
    const v = modelVerdict(low, F32_05, modelCatalog);
    expect(v.fit).toBe('limits-too-low');
    expect(v.reason).toContain('maxStorageBuffersPerShaderStage');
    const missing = swiftshader({ limits: {} });
    expect(modelVerdict(missing, F32_05, modelCatalog).fit).toBe('limits-too-low');
  });

  it('keeps full-resource models off devices with limited buffer bindings', () => {
    const phone = laptop({ limits: { ...laptop().limits, maxStorageBufferBindingSize: 128 * 1024 ** 2 } });
    expect(F32_15.lowResource).toBe(false);
    expect(modelVerdict(phone, F32_15, modelCatalog).fit).toBe('too-big-limits');
    expect(modelVerdict(phone, F32_05, modelCatalog).fit).toBe('runs');
  });

  it('flags downloads that do not fit the free storage, unless already cached', () => {
    const tight = swiftshader({ storage: { quotaBytes: 2e9, usageBytes: 1.5e9, persisted: false } });
    expect(freeStorageBytes(tight)).toBe(0.5e9);
    expect(modelVerdict(tight, F32_15, modelCatalog).fit).toBe('too-big-storage');
    expect(modelVerdict(tight, F32_15, modelCatalog, new Set([F32_15.id])).fit).toBe('runs');
    expect(modelVerdict(tight, F32_05, modelCatalog).fit).toBe('runs');
    expect(modelVerdict(swiftshader({ storage: null }), F32_7, modelCatalog).fit).toBe('runs');
  });

  it('warns softly when the model needs more memory than the device reports', () => {
    const small = swiftshader({ deviceMemoryGB: 4 });
    const v = modelVerdict(small, F32_7, modelCatalog);
    expect(v.fit).toBe('runs');
    expect(v.warnings).toHaveLength(1);
    expect(v.warnings[0]).toMatch(/may not fit/);
    expect(modelVerdict(small, F32_05, modelCatalog).warnings).toEqual([]);
    expect(modelVerdict(swiftshader({ deviceMemoryGB: null }), F32_7, modelCatalog).warnings).toEqual([]);
  });

  it('gives one verdict per catalog model', () => {
    expect(modelVerdicts(swiftshader(), modelCatalog).map((v) => v.modelId)).toEqual(
      modelCatalog.map((m) => m.id),
    );
  });
});

describe('recommendModel', () => {
  it('recommends the 1.5B f32 build on the software adapter (no shader-f16)', () => {
    expect(recommendModel(swiftshader(), modelCatalog).modelId).toBe(
      'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC',
    );
  });

  it('recommends the 1.5B f16 build when the GPU has shader-f16', () => {
    expect(recommendModel(laptop(), modelCatalog).modelId).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
  });

  it('falls back to 0.5B when 1.5B does not fit, and to none when nothing runs', () => {
    const phone = laptop({ limits: { ...laptop().limits, maxStorageBufferBindingSize: 128 * 1024 ** 2 } });
    expect(recommendModel(phone, modelCatalog).modelId).toBe('Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC');
    const none = recommendModel(swiftshader({ webgpu: 'no-api', adapter: null }), modelCatalog);
    expect(none.modelId).toBeNull();
  });

  it('has the fallback-adapter note the reports use', () => {
    expect(FALLBACK_ADAPTER_NOTE).toMatch(/results are valid, speed figures are not/);
  });
});

describe('summarizeDevice', () => {
  it('names the largest build that runs, never one that needs shader-f16', () => {
    const s = summarizeDevice(swiftshader(), modelCatalog);
    expect(s.modelId).not.toBeNull();
    const best = model(s.modelId ?? '');
    expect(best.shaderPrecision).toBe('f32');
    expect(modelVerdict(swiftshader(), best, modelCatalog).fit).toBe('runs');
    for (const m of modelCatalog) {
      if (modelVerdict(swiftshader(), m, modelCatalog).fit === 'runs') {
        expect(Number.parseFloat(m.paramsLabel)).toBeLessThanOrEqual(Number.parseFloat(best.paramsLabel));
      }
    }
    expect(s.line).toBe(`This GPU can run up to ${shortBuildName(best)}`);
  });

  it('prefers the 4-bit build at equal size and says so in short', () => {
    const s = summarizeDevice(laptop(), modelCatalog);
    expect(s.line).toMatch(/^This GPU can run up to Qwen2\.5-Coder-\d+(\.\d+)?B q4f(16|32)$/);
    expect(shortBuildName(F32_7)).toBe('Qwen2.5-Coder-7B q4f32');
  });

  it('says why nothing runs', () => {
    const none = summarizeDevice(swiftshader({ webgpu: 'no-adapter', adapter: null }), modelCatalog);
    expect(none).toEqual({ modelId: null, line: 'No WebGPU in this browser: no model can run in this tab' });
    const low = swiftshader({ limits: { ...swiftshader().limits, maxStorageBuffersPerShaderStage: 8 } });
    expect(summarizeDevice(low, modelCatalog).modelId).toBeNull();
  });
});
