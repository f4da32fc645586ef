/** The outcome of compiling an untrusted pattern: the RegExp, or the message of the SyntaxError. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; message: string };

/**
 * Compiles a pattern that comes from a suite (untrusted) with the given flags.
 * Takes the pattern source and flags; returns `{ ok: true, regex }` or `{ ok: false, message }`.
 * Never throws: a bad pattern becomes a value the caller turns into an `invalid_regex:...` reason.
 */
export function compileRegex(pattern: string, flags: string): CompiledRegex {
  try {
    return { ok: true, regex: new RegExp(pattern, flags) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
