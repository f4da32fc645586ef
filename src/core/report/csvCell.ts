// Characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180) holding text from a report. Text starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it
 * as a formula (CSV injection: `=HYPERLINK(...)` in a case id or a reason). Then a field holding a
 * comma, a double quote, CR or LF is put in double quotes, with its quotes doubled. Pure.
 */
export function csvTextCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One CSV field holding a number the renderer wrote itself (`String(value)`: digits, `.`, `-`,
 * `e`), or empty for a missing figure. Not neutralised: a number such as `-1` is not a formula.
 */
export function csvNumberCell(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
