// Test doubles for the worker's environment: fetch, the Cache API, and WebLLM's engine.
import type { CacheStorageLike } from '../../../../src/engines/webllm/cacheInventory.ts';
import type { FetchLike } from '../../../../src/engines/webllm/fetchProbe.ts';

export interface FakeFile {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface FakeFetch extends FetchLike {
  calls: { method: string; url: string }[];
}

/** Answers from `files` (404 otherwise); URLs in `offline` reject like a network failure. */
export function fakeFetch(files: Record<string, FakeFile>, offline: string[] = []): FakeFetch {
  const calls: { method: string; url: string }[] = [];
  const fn = (async (url: string, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', url });
    if (offline.includes(url)) throw new TypeError('Failed to fetch');
    const file = files[url];
    const status = file?.status ?? (file ? 200 : 404);
    const body = init?.method === 'HEAD' ? null : (file?.body ?? (file ? '' : 'Not Found'));
    return new Response(body, {
      status,
      statusText: status === 404 ? 'Not Found' : '',
      headers: file?.headers ?? {},
    });
  }) as FakeFetch;
  fn.calls = calls;
  return fn;
}

/** An in-memory CacheStorage holding text bodies. */
export function fakeCaches(initial: Record<string, Record<string, string>> = {}): CacheStorageLike & {
  store: Map<string, Map<string, string>>;
} {
  const store = new Map<string, Map<string, string>>();
  for (const [name, files] of Object.entries(initial)) store.set(name, new Map(Object.entries(files)));
  const urlOf = (r: RequestInfo | URL): string =>
    typeof r === 'string' ? r : r instanceof URL ? r.href : r.url;
  return {
    store,
    async has(name) {
      return store.has(name);
    },
    async delete(name) {
      return store.delete(name);
    },
    async open(name) {
      let files = store.get(name);
      if (!files) {
        files = new Map();
        store.set(name, files);
      }
      const f = files;
      return {
        async keys() {
          return [...f.keys()].map((u) => new Request(u));
        },
        async match(request: RequestInfo | URL) {
          const body = f.get(urlOf(request));
          return body === undefined ? undefined : new Response(body);
        },
        async delete(request: RequestInfo | URL) {
          return f.delete(urlOf(request));
        },
      } as unknown as Cache;
    },
  };
}
