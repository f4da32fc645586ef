// What WebLLM has stored in the Cache API, grouped by model folder, with sizes.
import type { CacheInventory, CachedModel } from './protocol.ts';
import { WEBLLM_CACHES } from './diagnose.ts';

export interface KnownModel {
  modelId: string;
  /** Resolved folder URL (artifactUrls.resolveModelBaseUrl). */
  baseUrl: string;
}

/** The parts of CacheStorage used here (the worker passes `caches`, tests a fake). */
export interface CacheStorageLike {
  has(name: string): Promise<boolean>;
  delete(name: string): Promise<boolean>;
  open(name: string): Promise<Pick<Cache, 'keys' | 'match' | 'delete'>>;
}

const RESOLVE_PREFIX = /^.*?\/resolve\/[^/]+\//;

/** The folder a cached file belongs to: "…/resolve/<rev>/" when present, else its directory. */
export function folderOf(url: string): string {
  const m = RESOLVE_PREFIX.exec(url);
  if (m) return m[0];
  return url.slice(0, url.lastIndexOf('/') + 1);
}

async function sizeOf(response: Response | undefined): Promise<number> {
  if (!response) return 0;
  const header = Number(response.headers.get('content-length'));
  if (Number.isFinite(header) && header > 0) return header;
  // Cached bodies are disk-backed blobs: reading .size does not load the data.
  return (await response.blob()).size;
}

async function entries(storage: CacheStorageLike, name: string): Promise<{ url: string; bytes: number }[]> {
  if (!(await storage.has(name))) return [];
  const cache = await storage.open(name);
  const requests = await cache.keys();
  const out: { url: string; bytes: number }[] = [];
  for (const request of requests)
    out.push({ url: request.url, bytes: await sizeOf(await cache.match(request)) });
  return out;
}

export async function readCacheInventory(
  storage: CacheStorageLike,
  known: readonly KnownModel[],
): Promise<CacheInventory> {
  const byFolder = new Map<string, CachedModel>();
  const files = [
    ...(await entries(storage, WEBLLM_CACHES.model)),
    ...(await entries(storage, WEBLLM_CACHES.config)),
  ];
  for (const file of files) {
    const owner = known.find((k) => file.url.startsWith(k.baseUrl));
    const baseUrl = owner?.baseUrl ?? folderOf(file.url);
    const entry = byFolder.get(baseUrl) ?? { modelId: owner?.modelId ?? null, baseUrl, files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += file.bytes;
    byFolder.set(baseUrl, entry);
  }
  const libraries = await entries(storage, WEBLLM_CACHES.wasm);
  const models = [...byFolder.values()].sort((a, b) => b.bytes - a.bytes);
  const totalBytes = models.reduce((s, m) => s + m.bytes, 0) + libraries.reduce((s, l) => s + l.bytes, 0);
  return { models, libraries, totalBytes };
}

/** Bytes cached under one model folder (used to measure what a load downloaded). */
export async function cachedBytesUnder(
  storage: CacheStorageLike,
  baseUrl: string,
  libUrl: string,
): Promise<number> {
  const model = await entries(storage, WEBLLM_CACHES.model);
  const config = await entries(storage, WEBLLM_CACHES.config);
  const wasm = await entries(storage, WEBLLM_CACHES.wasm);
  return (
    [...model, ...config].filter((f) => f.url.startsWith(baseUrl)).reduce((s, f) => s + f.bytes, 0) +
    wasm.filter((f) => f.url === libUrl).reduce((s, f) => s + f.bytes, 0)
  );
}

/** Delete every cached file under `baseUrl` (for models the page does not know). */
export async function deleteFolder(storage: CacheStorageLike, baseUrl: string): Promise<void> {
  for (const name of [WEBLLM_CACHES.model, WEBLLM_CACHES.config]) {
    if (!(await storage.has(name))) continue;
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(baseUrl)) await cache.delete(request);
    }
  }
}
