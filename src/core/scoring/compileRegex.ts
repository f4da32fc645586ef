import { compileSuiteRegex, type SuiteRegex } from '../suite/suiteRegex.ts';

/** The outcome of compiling an untrusted pattern: the regex, or why it is not in the suite dialect. */
export type CompiledRegex = { ok: true; regex: SuiteRegex } | { ok: false; message: string };

/**
 * Compiles a pattern that comes from a suite (untrusted) in the suite dialect (RE2, linear time,
 * see `compileSuiteRegex`). `flags`: `i` for case-insensitive matching; `u` is accepted and always
 * in force (patterns are read as Unicode code points). Returns `{ ok: true, regex }` or
 * `{ ok: false, message }`. Never throws: a bad pattern becomes a value the caller turns into an
 * `invalid_regex:...` reason.
 */
export function compileRegex(pattern: string, flags: string): CompiledRegex {
  const compiled = compileSuiteRegex(pattern, { caseInsensitive: flags.includes('i') });
  return compiled.ok ? compiled : { ok: false, message: compiled.error };
}
