/** Text decoded from a file's bytes, or why the bytes are not UTF-8 text (with the byte offset). */
export type DecodedText = { ok: true; text: string } | { ok: false; offset: number; message: string };

/**
 * Decodes the bytes of an input file the one way every input is read (suites, reports, outputs,
 * model output, in the CLI and the app): UTF-8, strict. A leading UTF-8 byte-order mark is dropped
 * (editors on Windows write one); a UTF-16 byte-order mark or an invalid byte sequence is refused
 * with the offset of the first bad byte, never replaced by U+FFFD. Never throws.
 */
export function decodeUtf8Text(bytes: Uint8Array): DecodedText {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return {
      ok: false,
      offset: 0,
      message: 'is UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8',
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      offset,
      message: `is not UTF-8 text: invalid byte 0x${hex(bytes[offset])} at byte offset ${offset}`,
    };
  }
  return { ok: true, text };
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0');
}

/**
 * The offset of the first byte that starts an invalid UTF-8 sequence (overlong forms, surrogates
 * and code points over U+10FFFF included, as the WHATWG decoder refuses them), or the length when
 * the sequence is cut off at the end.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
