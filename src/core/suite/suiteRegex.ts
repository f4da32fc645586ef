/**
 * The flags every regular expression of a suite (`regex` matchers and answers) must compile with.
 * `u`: patterns are read as Unicode, so `.` matches a whole emoji and a stray escape is an error
 * instead of a literal. Scorers match as a search (`regex.test(text)`, anchor with `^...$` for a
 * full match); the answer scorer adds `i`, which never changes whether a pattern compiles.
 */
export const SUITE_REGEX_FLAGS = 'u';

/** A compiled suite regex, or why the pattern does not compile. */
export type CompiledSuiteRegex = { ok: true; regex: RegExp } | { ok: false; error: string };

/**
 * Compiles a suite regex with `SUITE_REGEX_FLAGS`, as validation does. Never throws: a bad pattern
 * gives the engine's reason without its `Invalid regular expression: /…/u:` prefix.
 */
export function compileSuiteRegex(source: string): CompiledSuiteRegex {
  try {
    return { ok: true, regex: new RegExp(source, SUITE_REGEX_FLAGS) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/^Invalid regular expression: \/.*\/\w*: /su, '');
    return { ok: false, error: reason };
  }
}
