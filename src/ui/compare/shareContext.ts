// What the sharing components need from the page: the catalog links are checked against, full
// link addresses, and suite hashes (computed once per loaded suite).
import type { RunLinkCatalog } from '../../core/link/decodeRunLink.ts';
import { suiteHash } from '../../core/suite/suiteHash.ts';
import type { Suite } from '../../core/suite/types.ts';
import { modelCatalog } from '../../engines/webllm/models.ts';

/** The model ids run links may name: this site's catalog. */
export const catalogIds: RunLinkCatalog = new Set(modelCatalog.map((m) => m.id));

/** A link fragment (`#/run?…`) as a full address of this site, to paste anywhere. */
export function absoluteLink(fragment: string): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`;
}

const hashes = new WeakMap<Suite, Promise<string>>();

/** The suite's content hash; the same suite object is hashed once. */
export function suiteHashOf(suite: Suite): Promise<string> {
  let hash = hashes.get(suite);
  if (!hash) {
    hash = suiteHash(suite);
    hashes.set(suite, hash);
  }
  return hash;
}

/** Records a hash computed elsewhere (the report worker, for a suite file) for `suiteHashOf`. */
export function rememberSuiteHash(suite: Suite, hash: string): void {
  hashes.set(suite, Promise.resolve(hash));
}
