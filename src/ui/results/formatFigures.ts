import { formatPercent } from '../../core/scoring/scorers.ts';

// How the results view writes stored figures. Missing figures read `–`, like formatPercent.

const MISSING = '–';
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A count such as tokens: `1,234`. */
export function formatCount(value: number | null | undefined): string {
  return known(value) ? integer.format(value) : MISSING;
}

/** A speed in tokens per second: `41.3 tok/s`. */
export function formatTps(value: number | null | undefined): string {
  return known(value) ? `${oneDecimal.format(value)} tok/s` : MISSING;
}

/** A duration: `431 ms` under a second, `2.3 s` above. */
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

/** An ISO time as `2026-01-15 10:00 UTC`; anything unparsable as it was written. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
