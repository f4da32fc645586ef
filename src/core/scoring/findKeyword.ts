// Letters (with their combining marks), digits and underscore: what a whole word is made of.
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

/** Options of {@link findKeyword}. */
export interface FindKeywordOptions {
  /** Require the match not to touch a letter, digit or underscore on either side. Default false. */
  wholeWord?: boolean;
}

/**
 * Whether `keyword` occurs in `text`, case-insensitively (both sides lower-cased, as Punie does).
 *
 * Substring mode (default) is Punie's rule: `recursive` is found in `recursively`.
 * Whole-word mode accepts an occurrence only when the character before it and the one after it
 * (if any) are not letters, digits or underscore (Unicode-aware). The rule looks at the text around
 * the occurrence, not at the keyword's own edges, so keywords with punctuation work: `O(log n)` is
 * found in `is O(log n).` but `recursive` is not found in `recursively`. Every occurrence is tried,
 * so a later whole-word occurrence still counts. An empty keyword is always found (like `'' in s`).
 * Pure; never throws.
 */
export function findKeyword(text: string, keyword: string, options: FindKeywordOptions = {}): boolean {
  const haystack = lowerCased(text);
  const needle = keyword.toLowerCase();
  if (!options.wholeWord || needle === '') return haystack.includes(needle);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordCharBefore(haystack, at) && !isWordCharAt(haystack, at + needle.length)) return true;
  }
  return false;
}

// Scorers look up several keywords in the same output: lower-case it once, not once per keyword.
// A one-entry memo has no observable effect, so the function stays pure from the outside.
let memoText = '';
let memoLower = '';
function lowerCased(text: string): string {
  if (text !== memoText) {
    memoText = text;
    memoLower = text.toLowerCase();
  }
  return memoLower;
}

function isWordCharAt(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index);
  return codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));
}

function isWordCharBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  // Step back over a surrogate pair so astral letters count as one character.
  const low = text.charCodeAt(index - 1);
  const start = index >= 2 && low >= 0xdc00 && low <= 0xdfff ? index - 2 : index - 1;
  return isWordCharAt(text, start);
}
