import { describe, expect, it } from 'vitest';
import { modelArtifactUrls } from '../../../../src/engines/webllm/artifactUrls.ts';
import {
  artifactFailureError,
  findFailedArtifact,
  WEBLLM_CACHES,
} from '../../../../src/engines/webllm/diagnose.ts';
import type { CacheReader } from '../../../../src/engines/webllm/diagnose.ts';
import { fakeCaches, fakeFetch } from './fakes.ts';

const urls = modelArtifactUrls(
  'https://huggingface.co/mlc-ai/Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC',
  'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-1.5B-Instruct-q4f32_1_cs1k-webgpu.wasm',
);
const config = JSON.stringify({ tokenizer_files: ['tokenizer.json'] });
const index = JSON.stringify({
  records: [{ dataPath: 'params_shard_0.bin' }, { dataPath: 'params_shard_1.bin' }],
});
const shard = (i: number): string => `${urls.base}params_shard_${i}.bin`;

function reader(caches: ReturnType<typeof fakeCaches>): CacheReader {
  return {
    has: async (name, url) => caches.store.get(name)?.has(url) ?? false,
    json: async (name, url) => {
      const body = caches.store.get(name)?.get(url);
      return body === undefined ? undefined : (JSON.parse(body) as unknown);
    },
  };
}

describe('findFailedArtifact', () => {
  it('names the model library when the config was cached and the wasm answers 404', async () => {
    const caches = fakeCaches({ [WEBLLM_CACHES.config]: { [urls.config]: config } });
    const fetch = fakeFetch({});
    const failure = await findFailedArtifact(urls, reader(caches), fetch);
    expect(failure).toEqual({
      kind: 'library',
      outcome: { url: urls.modelLib, ok: false, status: 404, statusText: 'Not Found' },
    });
    // Only the uncached artifact was probed.
    expect(fetch.calls).toEqual([{ method: 'HEAD', url: urls.modelLib }]);
  });

  it('names the config when nothing was cached and it does not answer', async () => {
    const failure = await findFailedArtifact(urls, reader(fakeCaches()), fakeFetch({}, [urls.config]));
    expect(failure?.kind).toBe('config');
    expect(failure?.outcome.status).toBeNull();
  });

  it('walks to the first weight shard that is neither cached nor fetchable', async () => {
    const caches = fakeCaches({
      [WEBLLM_CACHES.config]: { [urls.config]: config },
      [WEBLLM_CACHES.wasm]: { [urls.modelLib]: 'wasm' },
      [WEBLLM_CACHES.model]: {
        [`${urls.base}tokenizer.json`]: '{}',
        [urls.tensorCache]: index,
        [shard(0)]: 'x',
      },
    });
    const fetch = fakeFetch({ [shard(1)]: { status: 503 } });
    const failure = await findFailedArtifact(urls, reader(caches), fetch);
    expect(failure).toMatchObject({ kind: 'weight-shard', outcome: { url: shard(1), status: 503 } });
    expect(fetch.calls.map((c) => c.url)).toEqual([shard(1)]);
  });

  it('reads the weight index from the network when it is not cached', async () => {
    const caches = fakeCaches({
      [WEBLLM_CACHES.config]: { [urls.config]: config },
      [WEBLLM_CACHES.wasm]: { [urls.modelLib]: 'wasm' },
      [WEBLLM_CACHES.model]: { [`${urls.base}tokenizer.json`]: '{}' },
    });
    const fetch = fakeFetch({ [urls.tensorCache]: { body: index }, [shard(0)]: {}, [shard(1)]: {} });
    expect(await findFailedArtifact(urls, reader(caches), fetch)).toBeUndefined();
    const missingIndex = await findFailedArtifact(urls, reader(caches), fakeFetch({}));
    expect(missingIndex?.kind).toBe('weight-index');
  });

  it('falls back to GET when the host refuses HEAD', async () => {
    const caches = fakeCaches({ [WEBLLM_CACHES.config]: { [urls.config]: config } });
    const fetch = fakeFetch({ [urls.modelLib]: { status: 405 } });
    await findFailedArtifact(urls, reader(caches), fetch);
    expect(fetch.calls.slice(0, 2)).toEqual([
      { method: 'HEAD', url: urls.modelLib },
      { method: 'GET', url: urls.modelLib },
    ]);
  });
});

describe('artifactFailureError', () => {
  const original = {
    name: 'NetworkError',
    message: 'x',
    detail: "TypeError: Failed to execute 'add' on 'Cache': Request failed",
  };

  it('says which file failed, its URL and status, and what to do', () => {
    const e = artifactFailureError(
      { kind: 'library', outcome: { url: urls.modelLib, ok: false, status: 404, statusText: 'Not Found' } },
      original,
    );
    expect(e).toMatchObject({
      name: 'ArtifactFetchFailed',
      url: urls.modelLib,
      status: 404,
      detail: original.detail,
    });
    expect(e.message).toContain('model library (.wasm)');
    expect(e.message).toContain(`${urls.modelLib} gave HTTP 404 Not Found`);
    expect(e.message).toMatch(/retry resumes/);
    expect(e.suggestion).toEqual({ action: 'retry' });
  });

  it('explains access, overload and network failures differently', () => {
    const msg = (status: number | null): string =>
      artifactFailureError(
        { kind: 'weight-shard', outcome: { url: shard(0), ok: false, status, statusText: '' } },
        original,
      ).message;
    expect(msg(403)).toMatch(/refused access/);
    expect(msg(503)).toMatch(/overloaded/);
    expect(msg(null)).toMatch(/offline/);
  });
});
