const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // HTML parsers drop a NUL in text; a replacement character at least shows something was there.
  '\0': '\uFFFD',
};

const SPECIAL = /[&<>"'\0]/g;

/**
 * Escapes text for HTML: `&`, `<`, `>`, `"` and `'` become character references, so the result is
 * safe as element text and as a quoted attribute value alike (NUL, which parsers drop, becomes
 * U+FFFD). The one escaping function of every
 * HTML renderer: every string that comes from a report goes through it. Pure; never throws.
 */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (char) => ESCAPES[char] ?? char);
}
