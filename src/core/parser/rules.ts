/**
 * The markers of the four tool-call formats and the only regular expressions the parser uses,
 * compiled once. Markers are found with `indexOf` from a known position, never by a regex that
 * scans lazily to a far-away closing tag (that is what made the Punie parser quadratic).
 */

/** Opens a tagged call (formats `tagged-json` and `tagged-xml`). */
export const TOOL_CALL_OPEN = '<tool_call>';
/** Closes a tagged call, and ends a `broken-xml` call. */
export const TOOL_CALL_CLOSE = '</tool_call>';
/** Opens an XML function: `<function=NAME>`. */
export const FUNCTION_OPEN = '<function=';
/** Closes an XML function. */
export const FUNCTION_CLOSE = '</function>';
/** Opens an XML parameter: `<parameter=NAME>`. */
export const PARAMETER_OPEN = '<parameter=';
/** Closes an XML parameter. */
export const PARAMETER_CLOSE = '</parameter>';
/** Opens a fence labelled json (format `fenced-json`). */
export const JSON_FENCE_OPEN = '```json';
/** Any code fence marker. */
export const FENCE = '```';
/** A fence marker at the start of a line: how a fence closes. */
export const NEWLINE_FENCE = '\n```';
/** The label a fence needs for its JSON to count as a call. */
export const JSON_LABEL = 'json';

/**
 * A run of whitespace (possibly empty) at `lastIndex`. Sticky, so it only looks at the run itself.
 * Whitespace is JavaScript's (`\s`, the same set `String.prototype.trim` removes); Python's differs
 * only on U+001C–U+001F, U+0085 (Python) and U+FEFF (JavaScript).
 */
const WHITESPACE_RUN = /\s*/y;

/** The index of the first non-whitespace character at or after `from` (or `src.length`). Never throws. */
export function skipWhitespace(src: string, from: number): number {
  WHITESPACE_RUN.lastIndex = from;
  WHITESPACE_RUN.test(src);
  return WHITESPACE_RUN.lastIndex;
}
