import { describe, expect, it } from 'vitest';
import type { WebLlmModelRef } from '../../../../src/core/engine.ts';
import { foreignOrigins, guardNetwork, HostPolicy } from '../../../../src/engines/webllm/hostPolicy.ts';

const custom = (modelUrl: string, modelLibUrl: string): WebLlmModelRef => ({
  engine: 'webllm',
  kind: 'custom',
  modelId: 'm',
  modelUrl,
  modelLibUrl,
});

describe('foreignOrigins', () => {
  it('names each host outside the catalog hosts once, and none for catalog models', () => {
    expect(foreignOrigins({ engine: 'webllm', kind: 'catalog', modelId: 'x' })).toEqual([]);
    expect(
      foreignOrigins(custom('https://huggingface.co/me/m', 'https://raw.githubusercontent.com/me/m.wasm')),
    ).toEqual([]);
    expect(foreignOrigins(custom('https://evil.example/m/', 'https://evil.example/m/lib.wasm'))).toEqual([
      'https://evil.example',
    ]);
    expect(foreignOrigins(custom('https://huggingface.co/me/m', 'https://libs.example:8443/m.wasm'))).toEqual(
      ['https://libs.example:8443'],
    );
  });

  it('is not fooled by look-alike hosts', () => {
    for (const url of [
      'https://huggingface.co.evil.example/m',
      'https://evilhuggingface.co/m',
      'http://huggingface.co/m',
      'https://huggingface.co@evil.example/m',
    ]) {
      expect(foreignOrigins(custom(url, 'https://raw.githubusercontent.com/a.wasm')), url).toHaveLength(1);
    }
  });
});

describe('HostPolicy and guardNetwork', () => {
  function setup() {
    const policy = new HostPolicy('https://site.example');
    const fetched: string[] = [];
    const added: string[] = [];
    const scope = {
      fetch: async (input: RequestInfo | URL) => {
        fetched.push(String(input instanceof Request ? input.url : input));
        return new Response('ok');
      },
    };
    const cacheProto = {
      async add(request: RequestInfo | URL) {
        added.push(String(request instanceof Request ? request.url : request));
      },
      async addAll(requests: Iterable<RequestInfo | URL>) {
        for (const r of requests) added.push(String(r instanceof Request ? r.url : r));
      },
    };
    guardNetwork(scope, cacheProto, policy, 'https://site.example/assets/worker.js');
    return { policy, scope, cacheProto, fetched, added };
  }

  it('lets the own origin and the catalog hosts through, relative URLs included', async () => {
    const { scope, cacheProto, fetched, added } = setup();
    await scope.fetch('pyodide/x.json');
    await scope.fetch(new URL('https://huggingface.co/mlc-ai/m/resolve/main/mlc-chat-config.json'));
    await cacheProto.add(new Request('https://cdn-lfs-us-1.hf.co/shard'));
    await cacheProto.addAll(['https://raw.githubusercontent.com/a.wasm']);
    expect(fetched).toEqual([
      'pyodide/x.json',
      'https://huggingface.co/mlc-ai/m/resolve/main/mlc-chat-config.json',
    ]);
    expect(added).toEqual(['https://cdn-lfs-us-1.hf.co/shard', 'https://raw.githubusercontent.com/a.wasm']);
  });

  it('refuses any other host through fetch and the Cache API until it is trusted', async () => {
    const { policy, scope, cacheProto, fetched, added } = setup();
    await expect(scope.fetch('https://evil.example/m/lib.wasm')).rejects.toThrow(/evil\.example/);
    await expect(cacheProto.add('https://evil.example/m/shard')).rejects.toThrow(TypeError);
    await expect(
      cacheProto.addAll(['https://huggingface.co/ok', 'https://evil.example/m/shard']),
    ).rejects.toThrow(/not a confirmed model host/);
    await expect(scope.fetch('data:text/plain,hi')).rejects.toThrow(TypeError);
    expect(fetched).toEqual([]);
    expect(added).toEqual([]);

    policy.trustOnly(['https://evil.example']);
    await scope.fetch('https://evil.example/m/lib.wasm');
    expect(fetched).toEqual(['https://evil.example/m/lib.wasm']);
    expect(policy.refused(custom('https://evil.example/m', 'https://evil.example/l.wasm'))).toEqual([]);
    policy.trustOnly([]);
    await expect(scope.fetch('https://evil.example/m/lib.wasm')).rejects.toThrow(TypeError);
  });
});
