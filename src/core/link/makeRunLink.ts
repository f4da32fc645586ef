import { decodeRunLink, type RunLinkCatalog } from './decodeRunLink.ts';
import { encodeRunLink } from './encodeRunLink.ts';
import type { LinkResult } from './linkResult.ts';
import type { RunSpec } from './runSpec.ts';

/**
 * The run link of `spec`, checked by reading it back: a spec a link cannot carry (a parameter out
 * of range, a suite loaded from a file, a model build over plain http) gives the same message the
 * person opening it would get, before anyone shares it. Never throws.
 */
export function makeRunLink(spec: RunSpec, catalog: RunLinkCatalog): LinkResult<string> {
  const fragment = encodeRunLink(spec);
  const back = decodeRunLink(fragment, catalog);
  return back.ok ? { ok: true, value: fragment } : back;
}
