// Bytes of a suite file → text: gzip recognised by its magic bytes (not its name), bounded output.
import { Gunzip } from 'fflate';
import { MAX_DECOMPRESSED_BYTES } from './importLimits.ts';
import { decodeUtf8Text } from '../../validation/decodeUtf8Text.ts';

/** The text of a suite file, and whether it was gzip-compressed; or why it cannot be read. */
export type DecodedSuiteFile = { ok: true; text: string; gzipped: boolean } | { ok: false; message: string };

/** Gzip's magic bytes: a file is gzip by its content, whatever its name says. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

const CHUNK = 64 * 1024;

function gunzipBounded(bytes: Uint8Array, limit: number): Uint8Array | string {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const stream = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else parts.push(chunk);
  });
  try {
    for (let offset = 0; offset < bytes.length && !over; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      stream.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    return `is not a valid gzip file (${error instanceof Error ? error.message : String(error)})`;
  }
  if (over) return `expands to more than ${limit / (1024 * 1024)} MB; suites are not that large`;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Decodes the bytes of a suite file: gunzips it when it starts with gzip's magic bytes (1f 8b),
 * refusing more than `maxBytes` of output (a small .gz can expand to gigabytes), then reads it as
 * UTF-8 (`decodeUtf8Text`: invalid UTF-8 refused with its byte offset, a leading byte-order mark
 * dropped). Never throws.
 */
export function decodeSuiteBytes(bytes: Uint8Array, maxBytes = MAX_DECOMPRESSED_BYTES): DecodedSuiteFile {
  const gzipped = isGzip(bytes);
  let plain = bytes;
  if (gzipped) {
    const result = gunzipBounded(bytes, maxBytes);
    if (typeof result === 'string') return { ok: false, message: result };
    plain = result;
  }
  const decoded = decodeUtf8Text(plain);
  if (!decoded.ok) return { ok: false, message: `${decoded.message}${gzipped ? ' (after gunzip)' : ''}` };
  return { ok: true, text: decoded.text, gzipped };
}
