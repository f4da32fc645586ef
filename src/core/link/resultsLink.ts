import { deflateSync, Inflate } from 'fflate';
import * as v from 'valibot';
import type { Report } from '../report/schema.ts';
import { base64urlToBytes, bytesToBase64url } from './base64url.ts';
import { LinkDataError } from './ByteReader.ts';
import { crc32 } from './crc32.ts';
import { splitLinkFragment } from './linkFragment.ts';
import { firstIssue } from './linkFields.ts';
import { linkError, quoteForMessage, type LinkResult } from './linkResult.ts';
import { packResultsSummary, unpackResultsSummary } from './packResultsSummary.ts';
import { RESULTS_LINK_VERSION, ResultsSummarySchema, type ResultsSummary } from './resultsSummary.ts';
import { summarizeReportForLink } from './summarizeReportForLink.ts';

/** Longest payload read (characters): a 20,000-case suite fits; anything longer is refused unread. */
export const MAX_RESULTS_PAYLOAD_CHARS = 200_000;
/** Most bytes a payload may inflate to: bounds the work a crafted "zip bomb" link can cause. */
const MAX_INFLATED_BYTES = 1024 * 1024;
const INFLATE_CHUNK = 1024;

/**
 * The payload of a results link for `summary`: the summary packed into bytes (doubles exact),
 * a CRC-32 in front, deflated, after a version byte, as base64url. Validates the summary first:
 * a report whose numbers a link cannot carry gives a message, not a broken link. Never throws.
 */
export function encodeResultsPayload(summary: ResultsSummary): LinkResult<string> {
  const checked = v.safeParse(ResultsSummarySchema, summary);
  if (!checked.success)
    return linkError(`this report cannot be shared as a link: ${firstIssue(checked.issues)}`);
  const body = packResultsSummary(checked.output);
  const framed = new Uint8Array(body.length + 4);
  new DataView(framed.buffer).setUint32(0, crc32(body), true);
  framed.set(body, 4);
  const deflated = deflateSync(framed, { level: 9 });
  const payload = new Uint8Array(deflated.length + 1);
  payload[0] = RESULTS_LINK_VERSION;
  payload.set(deflated, 1);
  return { ok: true, value: bytesToBase64url(payload) };
}

/** The URL fragment of a results link for `report` (`#/compare?r=…`); append it to the site's address. */
export function encodeResultsLink(report: Report): LinkResult<string> {
  const payload = encodeResultsPayload(summarizeReportForLink(report));
  return payload.ok ? { ok: true, value: `#/compare?r=${payload.value}` } : payload;
}

/**
 * Reads one results-link payload (the value of an `r=` parameter) into its validated summary.
 * Checks, in order: length, base64url, version byte, deflate stream (bounded output), CRC-32,
 * layout, then every field against `ResultsSummarySchema` (a message names the field). A link that
 * was cut off, had a character changed, or comes from a newer tabeval gets a message saying so.
 * Never throws, whatever the string.
 */
export function decodeResultsPayload(payload: string): LinkResult<ResultsSummary> {
  if (payload.length > MAX_RESULTS_PAYLOAD_CHARS) {
    return linkError(
      `the link is ${payload.length} characters long; results links are at most ${MAX_RESULTS_PAYLOAD_CHARS}`,
    );
  }
  if (payload.length === 0) return linkError('the link carries no results (no r= value)');
  const bytes = base64urlToBytes(payload);
  if (!bytes.ok) return linkError(`bad encoding: ${bytes.error}`);
  const version = bytes.value[0]!;
  if (version !== RESULTS_LINK_VERSION) {
    return linkError(
      `unknown results link version ${version}; this tabeval reads version ${RESULTS_LINK_VERSION}`,
    );
  }
  const framed = inflateBounded(bytes.value.subarray(1));
  if (!framed.ok) return framed;
  if (framed.value.length < 4) return linkError('the link is damaged: it holds no summary');
  const body = framed.value.subarray(4);
  const expected = new DataView(framed.value.buffer, framed.value.byteOffset).getUint32(0, true);
  if (crc32(body) !== expected) {
    return linkError('the link is damaged: its checksum does not match (was it changed or cut off?)');
  }
  let unpacked: unknown;
  try {
    unpacked = unpackResultsSummary(body);
  } catch (error) {
    if (error instanceof LinkDataError) return linkError(`the link is damaged: ${error.message}`);
    throw error;
  }
  const checked = v.safeParse(ResultsSummarySchema, unpacked);
  if (!checked.success) return linkError(`the link holds an invalid summary: ${firstIssue(checked.issues)}`);
  return { ok: true, value: checked.output };
}

function inflateBounded(deflated: Uint8Array): LinkResult<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= MAX_INFLATED_BYTES) chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let at = 0; at < deflated.length && total <= MAX_INFLATED_BYTES; at += INFLATE_CHUNK) {
      inflate.push(deflated.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= deflated.length);
    }
    if (deflated.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    return linkError('the link is damaged or cut off: its compressed data does not decompress');
  }
  if (total > MAX_INFLATED_BYTES) return linkError('the link decompresses to more than 1 MB; refused');
  if (!ended) return linkError('the link is cut off: its compressed data ends early');
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, value: joined };
}

/** One results payload found in pasted text or a URL, with where it came from (for messages). */
export interface FoundPayload {
  payload: string;
  /** E.g. `link 2` or `link 1, r #3`. */
  source: string;
}

/**
 * The results payloads in text a person pasted: one or more links or fragments (each may carry
 * several `r=`), or bare payloads, separated by whitespace. Never throws.
 */
export function findResultsPayloads(text: string): FoundPayload[] {
  const found: FoundPayload[] = [];
  const pieces = text.split(/\s+/).filter((piece) => piece !== '');
  pieces.forEach((piece, index) => {
    const label = `link ${index + 1}`;
    if (!piece.includes('=') && !piece.includes('#') && !piece.includes('?')) {
      found.push({ payload: piece, source: label });
      return;
    }
    const values = splitLinkFragment(piece).query.getAll('r');
    if (values.length === 0) {
      found.push({ payload: '', source: `${label} (${quoteForMessage(piece)} has no r=)` });
      return;
    }
    values.forEach((payload, i) =>
      found.push({ payload, source: values.length > 1 ? `${label}, r #${i + 1}` : label }),
    );
  });
  return found;
}
