import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../../../src/core/link/runSpec.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import {
  changedParams,
  describeRunSpec,
  linkParams,
  sameModel,
} from '../../../../src/ui/compare/describeRunSpec.ts';
import { reproduceSpec, type FinishedRun } from '../../../../src/ui/compare/reproduceSpec.ts';

const HASH = 'def106c62c9aa22b915bcc0c17f47c195b563ba5a753e9646ec27b6172726080';
const catalog = new Set(['Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC']);
const spec: RunSpec = {
  suite: { kind: 'bundled', id: 'punie-baseline', version: '1.1.0', hash: HASH },
  model: { engine: 'webllm', kind: 'catalog', modelId: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC' },
  params: { temperature: 0, top_p: 1, max_tokens: 1024, seed: 42, tool_call_mode: 'prompt', samples: 1 },
};

describe('describeRunSpec', () => {
  it('lists the suite, its hash, the model and every parameter', () => {
    expect(describeRunSpec(spec).map((f) => [f.key, f.value])).toEqual([
      ['suite', 'punie-baseline version 1.1.0 (bundled with this site)'],
      ['suite-hash', HASH],
      ['model', 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC (catalog build)'],
      ['param-temperature', '0'],
      ['param-top_p', '1'],
      ['param-max_tokens', '1024'],
      ['param-seed', '42'],
      ['param-tool_call_mode', 'prompt'],
      ['param-samples', '1'],
    ]);
  });

  it('names the parameters changed on the page since the link', () => {
    expect(changedParams(spec, { ...DEFAULT_PARAMS })).toEqual([]);
    expect(
      changedParams(spec, { ...DEFAULT_PARAMS, temperature: 0.7, tool_call_mode: 'constrained', samples: 1 }),
    ).toEqual(['temperature 0 → 0.7', 'tool_call_mode prompt → constrained']);
  });

  it('compares model builds, and keeps only the parameters a link pins', () => {
    const custom = {
      engine: 'webllm',
      kind: 'custom',
      modelId: 'x',
      modelUrl: 'https://a/',
      modelLibUrl: 'https://a/x.wasm',
    } as const;
    expect(sameModel(spec.model, { ...spec.model })).toBe(true);
    expect(sameModel(spec.model, custom)).toBe(false);
    expect(sameModel(custom, { ...custom, modelLibUrl: 'https://b/x.wasm' })).toBe(false);
    expect(linkParams({ ...DEFAULT_PARAMS, stop: ['\n'], ignore_eos: true })).toEqual(spec.params);
  });
});

describe('reproduceSpec', () => {
  const webllm = (model: { id: string; url: string | null; libUrl: string | null }) =>
    ({ kind: 'webllm', version: '0.2.86', model }) as const;
  const report = {
    suite: { id: 'punie-baseline', version: '1.1.0', hash: HASH, content: null },
    params: { ...DEFAULT_PARAMS },
    source: webllm({ id: spec.model.modelId, url: null, libUrl: null }),
  };
  const run: FinishedRun = { model: spec.model, report };

  it('reproduces a live run of a bundled suite', () => {
    expect(reproduceSpec(run, ['punie-baseline'], catalog, '')).toEqual({ ok: true, value: spec });
  });

  it('takes a replay’s model from its report: a catalog id, or an https build', () => {
    expect(reproduceSpec({ ...run, model: null }, ['punie-baseline'], catalog, '')).toEqual({
      ok: true,
      value: spec,
    });
    const custom = { id: 'Mine', url: 'https://h.example/Mine-MLC', libUrl: 'https://h.example/mine.wasm' };
    expect(
      reproduceSpec(
        { model: null, report: { ...report, source: webllm(custom) } },
        ['punie-baseline'],
        catalog,
        '',
      ),
    ).toEqual({
      ok: true,
      value: {
        ...spec,
        model: {
          engine: 'webllm',
          kind: 'custom',
          modelId: 'Mine',
          modelUrl: custom.url,
          modelLibUrl: custom.libUrl,
        },
      },
    });
    expect(
      reproduceSpec(
        { model: null, report: { ...report, source: { kind: 'outputs', model: null } } },
        ['punie-baseline'],
        catalog,
        '',
      ),
    ).toEqual({
      ok: false,
      error: expect.stringContaining('names no model build'),
    });
  });

  it('needs a URL for a suite the site does not bundle', () => {
    const other = { ...run, report: { ...report, suite: { ...report.suite, id: 'my-suite', version: '3' } } };
    expect(reproduceSpec(other, ['punie-baseline'], catalog, '')).toEqual({
      ok: false,
      error: expect.stringContaining('my-suite is not bundled'),
    });
    expect(reproduceSpec(other, ['punie-baseline'], catalog, ' https://x.example/s.json ')).toEqual({
      ok: true,
      value: { ...spec, suite: { kind: 'url', url: 'https://x.example/s.json', hash: HASH } },
    });
  });
});
