import { RE2JS } from 're2js';

/**
 * The largest compiled program a suite regex may have, in RE2 instructions. Matching is linear in
 * the input but also proportional to the program, so `(a?){5000}` is refused rather than allowed to
 * cost seconds per case. `a{1000}` is about 1,000 instructions; the bundled suites' largest is 63.
 */
export const SUITE_REGEX_MAX_PROGRAM = 2000;

/**
 * The longest pattern a suite may give, in characters. Parsing is linear in it, and the program cap
 * bounds matching; BFCL's string rule written as a regex per value reaches about 1,400 characters.
 */
export const SUITE_REGEX_MAX_LENGTH = 4000;

/** A compiled suite regex: a search (unanchored; use `^…$` for a full match), in linear time. */
export interface SuiteRegex {
  /** Whether the pattern matches somewhere in `text`. Linear in `text`; never throws. */
  test(text: string): boolean;
}

/** A compiled suite regex, or why the pattern is not in the dialect. */
export type CompiledSuiteRegex = { ok: true; regex: SuiteRegex } | { ok: false; error: string };

/** How a suite regex is matched. `caseInsensitive`: Unicode simple case folding (the answer scorer). */
export interface SuiteRegexOptions {
  caseInsensitive?: boolean;
}

// Scoring compiles the same few patterns once per case; RE2 compilation costs about 0.2 ms.
const CACHE_LIMIT = 512;
const cache = new Map<string, CompiledSuiteRegex>();

/**
 * Compiles a pattern a suite supplies (untrusted) in the suite dialect: RE2 syntax (linear-time
 * matching, as in Go and RE2), run by `re2js` in page, worker and Node alike, so every place gives
 * the same verdict. Backreferences and lookaround are not in the dialect; neither are patterns
 * longer than {@link SUITE_REGEX_MAX_LENGTH} characters or compiling to more than
 * {@link SUITE_REGEX_MAX_PROGRAM} instructions. Returns the regex or `{ ok: false, error }` with the
 * reason in words. Never throws.
 */
export function compileSuiteRegex(source: string, options: SuiteRegexOptions = {}): CompiledSuiteRegex {
  const key = `${options.caseInsensitive === true ? 'i' : '-'}${source}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const compiled = compileUncached(source, options.caseInsensitive === true);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

function compileUncached(source: string, caseInsensitive: boolean): CompiledSuiteRegex {
  if (source.length > SUITE_REGEX_MAX_LENGTH) {
    return {
      ok: false,
      error: `the pattern is ${source.length} characters long; the limit is ${SUITE_REGEX_MAX_LENGTH}`,
    };
  }
  const unsupported = unsupportedConstruct(source);
  if (unsupported !== undefined) return { ok: false, error: unsupported };
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(source, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.replace(/^error parsing regexp: /u, '') };
  }
  const size = regex.programSize();
  if (size > SUITE_REGEX_MAX_PROGRAM) {
    return {
      ok: false,
      error: `the pattern compiles to ${size} instructions; the limit is ${SUITE_REGEX_MAX_PROGRAM} (use smaller repeat counts)`,
    };
  }
  return { ok: true, regex: { test: (text) => regex.test(text) } };
}

/**
 * Names JavaScript/PCRE constructs that need backtracking, so the author reads why instead of
 * RE2's "invalid escape sequence". Scans escapes and classes properly: `[(?=]` is no lookahead.
 */
function unsupportedConstruct(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /^[1-9]$/u.test(next)) {
        return `backreferences (\\${next}) are not supported: suite patterns use the linear-time RE2 dialect`;
      }
      if (!inClass && next === 'k' && source[i + 2] === '<') {
        return 'named backreferences (\\k<…>) are not supported: suite patterns use the linear-time RE2 dialect';
      }
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (ch === '(' && source[i + 1] === '?') {
      const look = source.startsWith('(?<=', i) || source.startsWith('(?<!', i) ? 'lookbehind' : undefined;
      const ahead = source.startsWith('(?=', i) || source.startsWith('(?!', i) ? 'lookahead' : undefined;
      const kind = look ?? ahead;
      if (kind !== undefined) {
        return `${kind} (${source.slice(i, i + (kind === 'lookbehind' ? 4 : 3))}…) is not supported: suite patterns use the linear-time RE2 dialect`;
      }
    }
  }
  return undefined;
}
