import { readFileSync } from 'node:fs';
import { modelVersion, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { deriveCatalog } from '../../../../src/engines/webllm/catalogDerive.ts';
import {
  f32Alternative,
  findCatalogModel,
  modelCatalog,
  smallerAlternative,
  webllmVersion,
} from '../../../../src/engines/webllm/models.ts';
import committed from '../../../../src/engines/webllm/catalog.generated.json';

const installedVersion = (
  JSON.parse(
    readFileSync(new URL('../../../../node_modules/@mlc-ai/web-llm/package.json', import.meta.url), 'utf8'),
  ) as {
    version: string;
  }
).version;

describe('the model catalog', () => {
  it('is derived from the installed WebLLM (run `node --import tsx scripts/gen-model-catalog.ts` if this fails)', () => {
    expect(committed).toEqual(deriveCatalog(prebuiltAppConfig, installedVersion, modelVersion));
    expect(webllmVersion).toBe(installedVersion);
  });

  it('holds every Qwen2.5-Coder build of the installed WebLLM', () => {
    const expected = prebuiltAppConfig.model_list
      .map((m) => m.model_id)
      .filter((id) => id.startsWith('Qwen2.5-Coder-'))
      .sort();
    expect(modelCatalog.map((m) => m.id).sort()).toEqual(expected);
    for (const size of ['0.5B', '1.5B', '3B', '7B']) {
      for (const q of ['q4f16_1', 'q4f32_1']) {
        expect(findCatalogModel(`Qwen2.5-Coder-${size}-Instruct-${q}-MLC`), `${size} ${q}`).toBeDefined();
      }
    }
    expect(findCatalogModel('Qwen2.5-Coder-0.5B-Instruct-q0f16-MLC')).toBeDefined();
    expect(findCatalogModel('Qwen2.5-Coder-0.5B-Instruct-q0f32-MLC')).toBeDefined();
  });

  it('records the facts the UI and the verdict rules need', () => {
    const m = findCatalogModel('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
    const record = prebuiltAppConfig.model_list.find((r) => r.model_id === m?.id);
    expect(m).toMatchObject({
      paramsLabel: '1.5B',
      quantization: 'q4f32_1',
      weightBits: 4,
      shaderPrecision: 'f32',
      modelUrl: record?.model,
      modelLibUrl: record?.model_lib,
      vramRequiredMB: record?.vram_required_MB,
      contextWindow: 4096,
      lowResource: false,
      downloadBytesIsEstimate: true,
    });
    expect(m?.modelLibUrl).toContain(`/${modelVersion}/`);
    expect(findCatalogModel('Qwen2.5-Coder-0.5B-Instruct-q0f16-MLC')).toMatchObject({
      weightBits: 16,
      shaderPrecision: 'f16',
    });
    // Estimates grow with size and precision.
    const sizes = ['0.5B', '1.5B', '3B', '7B'].map(
      (s) => findCatalogModel(`Qwen2.5-Coder-${s}-Instruct-q4f16_1-MLC`)?.downloadBytes ?? 0,
    );
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('finds the f32 build and a smaller model', () => {
    expect(f32Alternative('Qwen2.5-Coder-3B-Instruct-q4f16_1-MLC')?.id).toBe(
      'Qwen2.5-Coder-3B-Instruct-q4f32_1-MLC',
    );
    expect(f32Alternative('Qwen2.5-Coder-0.5B-Instruct-q0f16-MLC')?.id).toBe(
      'Qwen2.5-Coder-0.5B-Instruct-q0f32-MLC',
    );
    expect(f32Alternative('Qwen2.5-Coder-3B-Instruct-q4f32_1-MLC')).toBeUndefined();
    expect(smallerAlternative('Qwen2.5-Coder-7B-Instruct-q4f32_1-MLC')?.id).toBe(
      'Qwen2.5-Coder-3B-Instruct-q4f32_1-MLC',
    );
    expect(smallerAlternative('Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC')).toBeUndefined();
  });
});
