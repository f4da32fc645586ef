// Field schemas shared by every format a user loads (reports, bench results, links): stored numbers
// are bounded to what they can mean, so an edited file cannot show "Cases -5" or a speed of 1e308.
import * as v from 'valibot';

/** Any finite number (JSON cannot write NaN or ±Infinity; a hand-made value can). */
export const finiteNumber = v.pipe(v.number(), v.finite());

/** A count: a non-negative integer. */
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A rate or score in [0, 1]. */
export const unitInterval = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/** A duration in milliseconds: finite, non-negative, at most a year. */
export const milliseconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(3.2e10));

/** A speed in tokens per second: finite, non-negative, bounded far above any real device. */
export const tokensPerSecond = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e7));

/** A byte size: a non-negative integer below 2^53. */
export const byteCount = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** A SHA-256 digest as 64 lower-case hex digits. */
export const sha256HexText = v.pipe(
  v.string('expected a hash'),
  v.regex(/^[0-9a-f]{64}$/, 'is not 64 lowercase hex characters (a SHA-256 hash)'),
);

/** A short piece of text (a name, a version, a label): at most `max` characters. */
export function shortText(max = 2000) {
  return v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
}

/** An ISO 8601 date-time (`2026-12-02T18:09:04.000Z`), as the app writes them. */
export const isoDateTime = v.pipe(
  v.string(),
  v.maxLength(40, 'must be at most 40 characters'),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'expected an ISO 8601 date-time such as 2026-01-15T10:00:00Z'),
);
