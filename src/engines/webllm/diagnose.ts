// After a failed load, find which artifact failed and how. WebLLM fetches, in order: the chat
// config, the model library (.wasm), the tokenizer, tensor-cache.json, then the weight shards;
// each lands in a Cache API cache once fetched. So the first artifact that is not cached and
// does not answer 2xx is the culprit. Its URL and HTTP status go into the error.
import type { EngineError } from '../../core/engine.ts';
import type { ModelArtifactUrls } from './artifactUrls.ts';
import type { CacheStorageLike } from './cacheInventory.ts';
import { describeOutcome, fetchJson, probeUrl, type FetchLike, type ProbeOutcome } from './fetchProbe.ts';

/** The Cache API caches WebLLM 0.2.86 uses with cacheBackend "cache". */
export const WEBLLM_CACHES = { config: 'webllm/config', wasm: 'webllm/wasm', model: 'webllm/model' } as const;

export interface CacheReader {
  has(cacheName: string, url: string): Promise<boolean>;
  json(cacheName: string, url: string): Promise<unknown>;
}

/** A CacheReader over a CacheStorage (the worker's `caches`). */
export function cacheReaderFor(caches: CacheStorageLike): CacheReader {
  return {
    async has(name, url) {
      if (!(await caches.has(name))) return false;
      return (await (await caches.open(name)).match(url)) !== undefined;
    },
    async json(name, url) {
      const response = await (await caches.open(name)).match(url);
      return response ? ((await response.json()) as unknown) : undefined;
    },
  };
}

export type ArtifactKind = 'config' | 'library' | 'tokenizer' | 'weight-index' | 'weight-shard';

export interface ArtifactFailure {
  kind: ArtifactKind;
  outcome: ProbeOutcome;
}

const ARTIFACT_LABEL: Record<ArtifactKind, string> = {
  config: 'the model configuration (mlc-chat-config.json)',
  library: 'the model library (.wasm)',
  tokenizer: 'the tokenizer',
  'weight-index': 'the weight index (tensor-cache.json)',
  'weight-shard': 'a weight shard',
};

function field(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}

async function cachedOrProbe(
  kind: ArtifactKind,
  cacheName: string,
  url: string,
  cache: CacheReader,
  fetchFn: FetchLike,
): Promise<ArtifactFailure | undefined> {
  if (await cache.has(cacheName, url).catch(() => false)) return undefined;
  const outcome = await probeUrl(url, fetchFn);
  return outcome.ok ? undefined : { kind, outcome };
}

/** The first artifact that is neither cached nor fetchable, or undefined when all answer. Never throws. */
export async function findFailedArtifact(
  urls: ModelArtifactUrls,
  cache: CacheReader,
  fetchFn: FetchLike,
): Promise<ArtifactFailure | undefined> {
  const configFailure = await cachedOrProbe('config', WEBLLM_CACHES.config, urls.config, cache, fetchFn);
  if (configFailure) return configFailure;
  const libFailure = await cachedOrProbe('library', WEBLLM_CACHES.wasm, urls.modelLib, cache, fetchFn);
  if (libFailure) return libFailure;

  const config = await cache.json(WEBLLM_CACHES.config, urls.config).catch(() => undefined);
  const tokenizerFiles = field(config, 'tokenizer_files');
  const tokenizer =
    Array.isArray(tokenizerFiles) && tokenizerFiles.includes('tokenizer.json') ? 'tokenizer.json' : undefined;
  if (tokenizer) {
    const url = new URL(tokenizer, urls.base).href;
    const failure = await cachedOrProbe('tokenizer', WEBLLM_CACHES.model, url, cache, fetchFn);
    if (failure) return failure;
  }

  let index: unknown;
  if (await cache.has(WEBLLM_CACHES.model, urls.tensorCache).catch(() => false)) {
    index = await cache.json(WEBLLM_CACHES.model, urls.tensorCache).catch(() => undefined);
  } else {
    const fetched = await fetchJson(urls.tensorCache, fetchFn);
    if (!fetched.probe.ok) return { kind: 'weight-index', outcome: fetched.probe };
    index = fetched.json;
  }
  const records = field(index, 'records');
  if (!Array.isArray(records)) return undefined;
  for (const record of records) {
    const dataPath = field(record, 'dataPath');
    if (typeof dataPath !== 'string') continue;
    const url = new URL(dataPath, urls.tensorCache).href;
    const failure = await cachedOrProbe('weight-shard', WEBLLM_CACHES.model, url, cache, fetchFn);
    if (failure) return failure;
  }
  return undefined;
}

function adviceForStatus(status: number | null): string {
  if (status === null) {
    return (
      'The request did not complete: the device may be offline, or a firewall, proxy, extension or the ' +
      'host (no CORS) blocked it. Check the connection and retry.'
    );
  }
  if (status === 404 || status === 410) {
    return 'The file is not at this address. For a custom model check the URL; for a catalog model the host no longer serves this build: try another build.';
  }
  if (status === 401 || status === 403) {
    return 'The host refused access (a private or gated repository, or a blocked region). Use a public copy of the model.';
  }
  if (status === 429 || status >= 500) {
    return 'The host is overloaded or failing. Retry in a minute.';
  }
  return 'Retry; if it keeps failing, try another build.';
}

/** An EngineError naming the failed URL, its status and what to do. */
export function artifactFailureError(failure: ArtifactFailure, original: EngineError): EngineError {
  const { outcome } = failure;
  return {
    name: 'ArtifactFetchFailed',
    message:
      `Could not download ${ARTIFACT_LABEL[failure.kind]}: ${outcome.url} gave ${describeOutcome(outcome)}. ` +
      `${adviceForStatus(outcome.status)} Files already downloaded stay in the cache, so a retry resumes.`,
    url: outcome.url,
    ...(outcome.status === null ? {} : { status: outcome.status }),
    ...(original.detail === undefined ? {} : { detail: original.detail }),
    suggestion: { action: 'retry' },
  };
}
