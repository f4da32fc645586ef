import { describe, expect, it } from 'vitest';
import {
  cachedBytesUnder,
  deleteFolder,
  folderOf,
  readCacheInventory,
} from '../../../../src/engines/webllm/cacheInventory.ts';
import { WEBLLM_CACHES } from '../../../../src/engines/webllm/diagnose.ts';
import { fakeCaches } from './fakes.ts';

const A = 'https://huggingface.co/mlc-ai/A-MLC/resolve/main/';
const B = 'https://mirror.org/B-MLC/resolve/main/';
const LIB = 'https://raw.githubusercontent.com/x/A.wasm';

function caches() {
  return fakeCaches({
    [WEBLLM_CACHES.model]: {
      [`${A}params_shard_0.bin`]: 'x'.repeat(100),
      [`${A}tokenizer.json`]: 'x'.repeat(10),
      [`${B}params_shard_0.bin`]: 'x'.repeat(5),
    },
    [WEBLLM_CACHES.config]: { [`${A}mlc-chat-config.json`]: 'x'.repeat(3) },
    [WEBLLM_CACHES.wasm]: { [LIB]: 'x'.repeat(50) },
  });
}

describe('readCacheInventory', () => {
  it('groups cached files by model folder with sizes, naming the models it knows', async () => {
    const inv = await readCacheInventory(caches(), [{ modelId: 'A', baseUrl: A }]);
    expect(inv.models).toEqual([
      { modelId: 'A', baseUrl: A, files: 3, bytes: 113 },
      { modelId: null, baseUrl: B, files: 1, bytes: 5 },
    ]);
    expect(inv.libraries).toEqual([{ url: LIB, bytes: 50 }]);
    expect(inv.totalBytes).toBe(168);
  });

  it('is empty when nothing was cached', async () => {
    expect(await readCacheInventory(fakeCaches(), [])).toEqual({ models: [], libraries: [], totalBytes: 0 });
  });

  it('sums one model and deletes one folder', async () => {
    const c = caches();
    expect(await cachedBytesUnder(c, A, LIB)).toBe(163);
    await deleteFolder(c, B);
    expect([...(c.store.get(WEBLLM_CACHES.model)?.keys() ?? [])]).not.toContain(`${B}params_shard_0.bin`);
  });

  it('finds the folder of a file', () => {
    expect(folderOf(`${A}params_shard_0.bin`)).toBe(A);
    expect(folderOf('https://x.org/a/b/c.bin')).toBe('https://x.org/a/b/');
  });
});
