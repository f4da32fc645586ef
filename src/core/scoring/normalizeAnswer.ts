/**
 * The comparable form of an answer: Unicode NFKC (full-width digits become ASCII), lower-cased,
 * every run of whitespace collapsed to one space, trimmed. Applied to both sides of `equals` and
 * before `regex`. Pure; never throws.
 */
export function normalizeAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
