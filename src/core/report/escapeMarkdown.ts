// Characters that GitHub-flavoured Markdown gives a meaning inline: emphasis, code, links and
// images, raw HTML and entities, table cells, strikethrough, math. Line starts never hold report
// text in our renderers (it always follows a label or a `|`), so `#`, `-`, `+`, `1.` need nothing.
const ACTIVE = /[\\`*_[\]<>|~&$]/g;
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/g;

/**
 * Escapes text from a report for inline Markdown (a paragraph, a list item or a table cell): line
 * breaks become spaces (a break would end the table row), and every Markdown-active character
 * (`\`, backtick, `*`, `_`, `[`, `]`, `<`, `>`, `|`, `~`, `&`, `$`) gets a backslash, so the text
 * renders literally: no link, image, HTML tag, entity or cell boundary can come from it. Pure.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(ACTIVE, (char) => `\\${char}`);
}
