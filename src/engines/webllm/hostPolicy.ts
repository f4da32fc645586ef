// Which hosts the WebLLM worker may download from. A model library (.wasm) is code that runs on
// this site's origin, next to every stored run, so a link or a typed URL alone never makes the
// worker contact a host outside the catalog's model hosts: the user confirms such a host by name
// first. The policy is enforced in the worker (the only place that sees every URL WebLLM
// fetches): `load` and `checkCustomModel` refuse an unconfirmed host before any request, and the
// worker's `fetch` and `Cache.add`/`addAll` (WebLLM downloads through the Cache API) refuse any
// URL outside the policy, whatever asked for it.
import type { EngineError, WebLlmModelRef } from '../../core/engine.ts';
import { matchesHostSources, MODEL_HOST_SOURCES } from './modelHosts.ts';

/** The origin of an absolute URL, or null. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The origins a model would be downloaded from that are not catalog model hosts, in order, once. */
export function foreignOrigins(ref: WebLlmModelRef): string[] {
  if (ref.kind !== 'custom') return [];
  const origins: string[] = [];
  for (const url of [ref.modelUrl, ref.modelLibUrl]) {
    if (matchesHostSources(url, MODEL_HOST_SOURCES)) continue;
    const origin = originOf(url) ?? url;
    if (!origins.includes(origin)) origins.push(origin);
  }
  return origins;
}

/** The error for a model on hosts the user has not confirmed. */
export function untrustedHostError(origins: readonly string[]): EngineError {
  const hosts = origins.join(', ');
  return {
    name: 'UntrustedHost',
    message:
      `Nothing was downloaded: ${hosts} is not one of the model hosts this site knows (Hugging Face, ` +
      'GitHub raw). A model library is code that runs in this page, so confirm the host by name ' +
      `first ("Trust ${origins[0] ?? 'this host'} and load"), or pick a model from the catalog.`,
  };
}

/** The worker's network policy: its own origin, the catalog's model hosts, and confirmed origins. */
export class HostPolicy {
  readonly #selfOrigin: string;
  #trusted = new Set<string>();

  constructor(selfOrigin: string) {
    this.#selfOrigin = selfOrigin;
  }

  /** Replaces the confirmed origins (the page sends its list with every load). */
  trustOnly(origins: readonly string[]): void {
    this.#trusted = new Set(origins.map((o) => originOf(o)).filter((o): o is string => o !== null));
  }

  allows(url: string): boolean {
    const origin = originOf(url);
    if (origin === null) return false;
    return (
      origin === this.#selfOrigin || this.#trusted.has(origin) || matchesHostSources(url, MODEL_HOST_SOURCES)
    );
  }

  /** The origins of `ref` not allowed now (empty: it may load). */
  refused(ref: WebLlmModelRef): string[] {
    return foreignOrigins(ref).filter((origin) => !this.#trusted.has(origin));
  }
}

type FetchFn = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

interface GuardedScope {
  fetch: FetchFn;
}

interface CacheProto {
  add(request: RequestInfo | URL): Promise<void>;
  addAll(requests: Iterable<RequestInfo | URL>): Promise<void>;
}

function urlOf(input: RequestInfo | URL, base: string): string {
  if (typeof input === 'string') return new URL(input, base).href;
  if (input instanceof URL) return input.href;
  return input.url;
}

function blocked(url: string): TypeError {
  return new TypeError(`tabeval blocked a download from ${originOf(url) ?? url}: not a confirmed model host`);
}

/**
 * Puts `policy` in front of the scope's `fetch` and of `Cache.prototype.add`/`addAll`. Relative
 * URLs resolve against `base` (the worker's location). Call once, before WebLLM runs.
 */
export function guardNetwork(
  scope: GuardedScope,
  cacheProto: CacheProto,
  policy: HostPolicy,
  base: string,
): void {
  const fetch = scope.fetch.bind(scope);
  const add = cacheProto.add;
  const addAll = cacheProto.addAll;
  scope.fetch = (input, init) => {
    const url = urlOf(input, base);
    return policy.allows(url) ? fetch(input, init) : Promise.reject(blocked(url));
  };
  cacheProto.add = function guardedAdd(this: unknown, request) {
    const url = urlOf(request, base);
    return policy.allows(url)
      ? (Reflect.apply(add, this, [request]) as Promise<void>)
      : Promise.reject(blocked(url));
  };
  cacheProto.addAll = function guardedAddAll(this: unknown, requests) {
    const list = [...requests];
    const refused = list.map((r) => urlOf(r, base)).find((url) => !policy.allows(url));
    return refused === undefined
      ? (Reflect.apply(addAll, this, [list]) as Promise<void>)
      : Promise.reject(blocked(refused));
  };
}
