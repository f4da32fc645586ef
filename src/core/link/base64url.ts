const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Bytes as base64url (RFC 4648 §5) without padding: safe in a URL fragment as it is. */
export function bytesToBase64url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    text += ALPHABET.charAt(a >> 2);
    text += ALPHABET.charAt(((a & 3) << 4) | ((b ?? 0) >> 4));
    if (b !== undefined) text += ALPHABET.charAt(((b & 15) << 2) | ((c ?? 0) >> 6));
    if (c !== undefined) text += ALPHABET.charAt(c & 63);
  }
  return text;
}

/**
 * The bytes of unpadded base64url text, or a message naming the first character that is not in
 * the alphabet (or the impossible length). Strict: no padding, no whitespace, no `+` or `/`, and
 * unused low bits of the last character must be zero, so every byte string has exactly one
 * spelling. Never throws.
 */
export function base64urlToBytes(
  text: string,
): { ok: true; value: Uint8Array } | { ok: false; error: string } {
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = VALUES.get(text.charAt(i));
    if (value === undefined) {
      return { ok: false, error: `character ${i + 1} (${JSON.stringify(text.charAt(i))}) is not base64url` };
    }
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at] = (buffer >> bits) & 0xff;
      at += 1;
    }
  }
  if (text.length % 4 === 1) {
    return { ok: false, error: `${text.length} characters cannot be base64url (the text looks cut off)` };
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    return {
      ok: false,
      error: 'the last base64url character has stray bits (the text was changed or cut off)',
    };
  }
  return { ok: true, value: bytes };
}
