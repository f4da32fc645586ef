// JSON's number grammar, nothing more lenient: "0x10", "1_000", " 4" or "Infinity" are not numbers.
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** The outcome of {@link convertXmlValue}. */
export type ConvertedValue = { ok: true; value: unknown } | { ok: false };

/**
 * Converts an argument from an XML-format call (always a trimmed string) to the type its schema
 * declares, so it can be checked like a JSON argument.
 *
 * - `integer` / `number`: JSON number text ("42" → 42, "2.5" → 2.5; "4.0" is the integer 4);
 * - `boolean`: "true" / "false", any letter case (models trained on Python write "True");
 * - `array` / `object`: JSON text of that shape ("[1, 2]", "{\"a\": 1}");
 * - `null`: "null"; `string`, no type, or an unknown type: the string unchanged.
 *
 * With several declared types (`["integer", "string"]`) the non-string ones are tried first, in order,
 * and the string is kept when none converts but `string` is allowed (or nothing is declared).
 * `{ ok: false }` means the text is none of the declared types: the caller reports `type:<param>`.
 * Pure; never throws.
 */
export function convertXmlValue(text: string, types: readonly string[]): ConvertedValue {
  let stringAllowed = types.length === 0;
  for (const type of types) {
    const converted = convertTo(text.trim(), type);
    if (converted === KEEP_STRING) stringAllowed = true;
    else if (converted !== FAILED) return { ok: true, value: converted.value };
  }
  return stringAllowed ? { ok: true, value: text } : { ok: false };
}

const KEEP_STRING = Symbol('keep-string');
const FAILED = Symbol('failed');

function convertTo(text: string, type: string): { value: unknown } | typeof KEEP_STRING | typeof FAILED {
  switch (type) {
    case 'integer':
    case 'number': {
      if (!JSON_NUMBER.test(text)) return FAILED;
      const value = Number(text);
      if (!Number.isFinite(value)) return FAILED;
      return type === 'integer' && !Number.isInteger(value) ? FAILED : { value };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      return lower === 'true' ? { value: true } : lower === 'false' ? { value: false } : FAILED;
    }
    case 'array':
    case 'object': {
      const value = parseJson(text);
      if (value === FAILED) return FAILED;
      const isArray = Array.isArray(value);
      const isObject = typeof value === 'object' && value !== null && !isArray;
      return (type === 'array' ? isArray : isObject) ? { value } : FAILED;
    }
    case 'null':
      return text === 'null' ? { value: null } : FAILED;
    default:
      return KEEP_STRING;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return FAILED;
  }
}
