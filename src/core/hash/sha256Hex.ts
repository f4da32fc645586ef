/** Thrown when the platform has no Web Crypto digest (e.g. a page served over plain http). A bug or setup fault, not bad input. */
export class Sha256UnavailableError extends Error {
  constructor() {
    super(
      'SHA-256 needs globalThis.crypto.subtle (Node 20+, or a browser page in a secure context: https or localhost)',
    );
    this.name = 'Sha256UnavailableError';
  }
}

const HEX_DIGITS = '0123456789abcdef';

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits.
 *
 * Uses `globalThis.crypto.subtle`, so the same text gives the same digest in Node, a page and a worker.
 * Lone surrogates are encoded as U+FFFD, as `TextEncoder` does everywhere. Rejects with
 * `Sha256UnavailableError` when Web Crypto is missing; never falls back to another algorithm.
 */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Sha256UnavailableError();
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX_DIGITS.charAt(byte >> 4) + HEX_DIGITS.charAt(byte & 15);
  return hex;
}
