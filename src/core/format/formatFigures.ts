// How the report renderers write stored figures. Missing figures read `–`, like formatPercent.
// Number formats are fixed to en-US so the app and the CLI render byte-identical files.

const MISSING = '–';
const MINUS = '\u2212';
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Formats a fraction as a percentage with one decimal (`0.8333` → `83.3 %`); `–` when not finite. */
export function formatPercent(score: number): string {
  return Number.isFinite(score) ? `${(score * 100).toFixed(1)} %` : MISSING;
}

/** A count such as tokens: `1,234`; `–` when missing. */
export function formatCount(value: number | null | undefined): string {
  return known(value) ? integer.format(value) : MISSING;
}

/** A speed in tokens per second: `41.3 tok/s`; `–` when missing. */
export function formatTps(value: number | null | undefined): string {
  return known(value) ? `${oneDecimal.format(value)} tok/s` : MISSING;
}

/** A rate without its unit (the column header gives it): `41.3`; `–` when missing. */
export function formatRate(value: number | null | undefined): string {
  return known(value) ? oneDecimal.format(value) : MISSING;
}

/** A duration: `431 ms` under a second, `2.3 s` above; `–` when missing. */
export function formatMs(value: number | null | undefined): string {
  if (!known(value)) return MISSING;
  return value < 1000 ? `${integer.format(value)} ms` : `${oneDecimal.format(value / 1000)} s`;
}

/** An interval of fractions: `46.4 – 92.9 %`. */
export function formatInterval(interval: { low: number; high: number }): string {
  const low = formatPercent(interval.low).replace(' %', '');
  return `${low} – ${formatPercent(interval.high)}`;
}

/** The interval's method in words: `wilson-95` → `Wilson 95 %`; unknown methods as they are. */
export function describeIntervalMethod(method: string): string {
  const match = /^([a-z]+)-(\d{2})$/u.exec(method);
  if (!match?.[1] || !match[2]) return method;
  return `${match[1].charAt(0).toUpperCase()}${match[1].slice(1)} ${match[2]} %`;
}

/** The first 12 characters of a hex hash, enough to tell reports apart at a glance. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

// Only ISO 8601 date-times are read as times: `Date.parse` accepts almost anything (it reads
// `<img src=x onerror="…1">` as 2001-01-01), and a report field is untrusted text.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** An ISO 8601 time as `2026-01-15 10:00 UTC`; anything else as it was written. */
export function formatTimestamp(iso: string): string {
  if (!ISO_DATE_TIME.test(iso)) return iso;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A difference of two fractions in percentage points, signed: `+4.3 pt`, `−17.9 pt` (a true
 * minus sign), `±0.0 pt` when it rounds to zero; `–` when missing.
 */
export function formatPoints(difference: number | null | undefined): string {
  if (!known(difference)) return MISSING;
  const tenths = Math.round(difference * 1000);
  if (tenths === 0) return '±0.0 pt';
  return `${tenths > 0 ? '+' : MINUS}${oneDecimal.format(Math.abs(tenths) / 10)} pt`;
}

/** An interval of differences in percentage points: `−46.4 to 0.0 pt`; `–` when missing. */
export function formatPointsInterval(interval: { low: number; high: number }): string {
  if (!known(interval.low) || !known(interval.high)) return MISSING;
  const end = (value: number) => {
    const tenths = Math.round(value * 1000);
    return `${tenths < 0 ? MINUS : tenths > 0 ? '+' : ''}${oneDecimal.format(Math.abs(tenths) / 10)}`;
  };
  return `${end(interval.low)} to ${end(interval.high)} pt`;
}

/** A relative change (`0.12` → `+12.0 %`, `-0.05` → `−5.0 %`), for speeds and times; `–` when missing. */
export function formatRelativeChange(change: number | null | undefined): string {
  if (!known(change)) return MISSING;
  const tenths = Math.round(change * 1000);
  if (tenths === 0) return '±0.0 %';
  return `${tenths > 0 ? '+' : MINUS}${oneDecimal.format(Math.abs(tenths) / 10)} %`;
}

/** A p-value with sensible precision: `0.500`, `0.013`, `< 0.001`; `–` when missing. */
export function formatPValue(p: number | null | undefined): string {
  if (!known(p)) return MISSING;
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
