import type { JsonType } from '../suite/types.ts';

/**
 * Whether a JSON value has a JSON-Schema type. Takes the value and a type name (`JsonType` or
 * `'null'`); an unknown type name accepts every value, so a schema using a type this checker does not
 * know never fails a call on its own. `integer` is a valid `number` (BFCL: int accepted for float);
 * `integer` means a finite number with no fractional part (so 4.0 is one, as in JSON Schema);
 * `object` excludes arrays and null. Pure; never throws.
 */
export function valueHasType(value: unknown, type: JsonType | 'null' | (string & {})): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

/**
 * The type names a property schema declares: `type: "x"` gives `["x"]`, `type: ["x", "null"]` gives
 * both, no (or a malformed) `type` gives `[]` (meaning: any type). Pure; never throws.
 */
export function declaredTypes(propertySchema: Record<string, unknown> | undefined): string[] {
  const type = propertySchema?.['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}
