/**
 * True when `value` is a JSON object (not null, not an array): what `JSON.parse` gives for `{…}`.
 * Never throws.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a parsed value, in words for people: "null", "array", "string", … Never throws. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** True when `object` has `key` as its own property (a JSON key), ignoring the prototype chain. */
export function hasKey(object: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * False when `text` (trimmed) cannot be JSON because of its first character, so callers can skip a
 * `JSON.parse` that would only throw (exceptions are slow, and adversarial input has many). Never throws.
 */
export function mayBeJson(text: string): boolean {
  const c = text.charCodeAt(0);
  return (
    c === 123 || // {
    c === 91 || // [
    c === 34 || // "
    c === 45 || // -
    (c >= 48 && c <= 57) || // 0-9
    c === 116 || // t(rue)
    c === 102 || // f(alse)
    c === 110 // n(ull)
  );
}
