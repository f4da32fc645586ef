import { sha256Hex } from '../hash/sha256Hex.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { Suite } from './types.ts';

/**
 * The identity of a suite: lowercase hex SHA-256 of the UTF-8 bytes of `canonicalJson(suite)`.
 * Pass the suite `validateSuite` returned: it is normalised (tools unwrapped, `$schema` dropped), so
 * key order, whitespace, the tool wrapper form and `$schema` do not change the hash; any other
 * change does. The same bytes, hence the same hash, in Node, pages and workers.
 */
export async function suiteHash(suite: Suite): Promise<string> {
  return sha256Hex(canonicalJson(suite));
}
