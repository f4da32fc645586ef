import { canonicalJson } from './canonicalJson.ts';
import { describeValue } from '../validation/describeValue.ts';

type JsonSchema = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The type names a JSON Schema `type` keyword gives, or undefined when it says nothing. */
export function schemaTypes(schema: JsonSchema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type))
    return schema.type.filter((type): type is string => typeof type === 'string');
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    case 'null':
      return value === null;
    default:
      return true; // a type name we do not know: not ours to judge
  }
}

const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * Why a JSON value cannot be a valid argument for a parameter with this JSON Schema, or undefined
 * when it can. Checks the keywords that catch real suite mistakes: `type`, `enum`, `const`, and
 * recursively `items`, `properties`, `required`, `additionalProperties: false`. Other keywords are
 * not checked (the answer is then "can be valid"). `value` must be JSON data; never throws for it.
 */
export function parameterMismatch(value: unknown, schema: JsonSchema, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  if ('const' in schema && !sameJson(value, schema.const)) return `is not ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum) && !schema.enum.some((option: unknown) => sameJson(option, value))) {
    const options = schema.enum.map((option: unknown) => JSON.stringify(option)).join(', ');
    return `${describeValue(value)} is not one of the allowed values ${options}`;
  }
  const types = schemaTypes(schema);
  if (types !== undefined && types.length > 0 && !types.some((type) => hasType(value, type))) {
    return `${describeValue(value)} does not have the parameter's type ${types.join(' or ')}`;
  }
  if (Array.isArray(value) && isRecord(schema.items)) {
    for (const [index, item] of value.entries()) {
      const reason = parameterMismatch(item, schema.items, depth + 1);
      if (reason !== undefined) return `item ${index}: ${reason}`;
    }
  }
  if (isRecord(value)) {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    for (const [key, item] of Object.entries(value)) {
      const property = properties[key];
      if (isRecord(property)) {
        const reason = parameterMismatch(item, property, depth + 1);
        if (reason !== undefined) return `property '${key}': ${reason}`;
      } else if (schema.additionalProperties === false) {
        return `property '${key}' is not allowed by the parameter's schema`;
      }
    }
    if (Array.isArray(schema.required)) {
      const missing = schema.required.find(
        (key: unknown) => typeof key === 'string' && !Object.hasOwn(value, key),
      );
      if (typeof missing === 'string') return `lacks the required property '${missing}'`;
    }
  }
  return undefined;
}
