// Field checks shared by run links and results links: the same rules for a hash, a URL, a
// parameter, whichever link carries it.
import * as v from 'valibot';
import { formatIssue } from '../validation/formatIssue.ts';
import { formatPath } from '../validation/formatPath.ts';

// Lone surrogates do not survive UTF-8 (they become U+FFFD), so a link could not round-trip them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Text that is well-formed UTF-16 (so it survives UTF-8), `min` (default 1) to `max` characters. */
export function linkText(what: string, max: number, min = 1) {
  return v.pipe(
    v.string(`expected ${what}`),
    v.minLength(min, `${what} must not be empty`),
    v.maxLength(max, `${what} is longer than ${max} characters`),
    v.check((text) => !LONE_SURROGATE.test(text), `${what} is not well-formed text (a lone surrogate)`),
  );
}

/**
 * `text` as a link can carry it: cut to `max` characters, lone surrogates (also one left by the
 * cut) replaced with U+FFFD as UTF-8 encoding would. Text that fits is returned unchanged.
 */
export function fitLinkText(text: string, max: number): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  return LONE_SURROGATE.test(cut) ? new TextDecoder().decode(new TextEncoder().encode(cut)) : cut;
}

/** An absolute https URL, at most 2,000 characters. Plain http is refused: a shared link should not load code or data over it. */
export const HttpsUrlSchema = v.pipe(
  v.string('expected a URL'),
  v.maxLength(2000, 'is longer than 2,000 characters'),
  v.check((text) => parseUrl(text) !== undefined, 'is not an absolute URL'),
  v.check((text) => parseUrl(text)?.protocol === 'https:', 'is not an https:// URL'),
);

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** A custom model's WebGPU library: an https URL of a `.wasm` file. */
export const WasmUrlSchema = v.pipe(
  HttpsUrlSchema,
  v.check((text) => parseUrl(text)?.pathname.endsWith('.wasm') === true, 'does not point to a .wasm file'),
);

/** The first problem valibot found, as `where: what` (the path written as `formatPath` does, under `root`). */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[], root: readonly string[] = []): string {
  const issue = issues[0];
  if (!issue) return `${formatPath(root)}: invalid`;
  return `${formatPath([...root, ...formatIssue(issue).path])}: ${issue.message}`;
}
