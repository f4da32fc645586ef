import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256Hex } from './sha256Hex.ts';

const encoder = new TextEncoder();

/** Hash states after a prefix, by prefix; a handful suffice (one per system prompt of a run). */
const afterPrefix = new Map<string, ReturnType<typeof sha256.create>>();
const MAX_PREFIXES = 16;

/**
 * `sha256Hex(prefix + rest)`, the same 64 hex digits, at the cost of hashing `rest` alone when the
 * same `prefix` came recently: the state after hashing a prefix is kept (16 prefixes at most), so
 * 100,000 requests that share a system prompt of several kilobytes hash it once. A prefix ending
 * in half a surrogate pair is hashed whole with its rest, as the joined text encodes. Never throws.
 */
export function sha256HexOfParts(prefix: string, rest: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) return sha256Hex(prefix + rest);
  let state = afterPrefix.get(prefix);
  if (state === undefined) {
    if (afterPrefix.size >= MAX_PREFIXES) afterPrefix.clear();
    state = sha256.create().update(encoder.encode(prefix));
    afterPrefix.set(prefix, state);
  }
  return bytesToHex(state.clone().update(encoder.encode(rest)).digest());
}
