import type { ToolCall } from '../parser/types.ts';
import type { ExpectedCall, Matcher, ToolDefinition } from '../suite/types.ts';
import { argumentEquals } from './argumentEquals.ts';
import { bfclEquals } from './bfclEquals.ts';
import { compileRegex } from './compileRegex.ts';
import { convertXmlValue } from './convertXmlValue.ts';
import { declaredTypes, valueHasType } from './valueHasType.ts';

/**
 * Checks one made call against one expected call, like BFCL's checker, and returns the failures
 * (empty when the call is fully correct). Takes the expected call, the parsed call and the tool's
 * definition (`undefined` when the suite does not define the tool: schema checks are then skipped).
 *
 * - a different name gives only `wrong_name` (the arguments of another tool are not compared);
 * - `missing_required:<p>`: required by the schema's `required`, or by a matcher without
 *   `optional: true`, and absent;
 * - `unexpected_argument:<p>`: not in the schema's `properties` (skipped when the schema has no
 *   `properties` or sets `additionalProperties: true`);
 * - `type:<p>`: the value is not of the schema's type, an XML value does not convert to it (see
 *   {@link convertXmlValue}; with no schema type the matcher's `type` guides the conversion), or a
 *   `type` matcher fails;
 * - `value:<p>`: outside the schema's `enum`, or an `equals` / `one_of` / `regex` matcher fails.
 *   With `strings: "bfcl"` the matcher and the `enum` check compare by BFCL's rule ({@link bfclEquals}).
 *   `regex` is a search (like Python's `re.search`, anchor with `^…$` for a full match) with the
 *   `u` flag, against the string itself or, for other values, their JSON text;
 * - `invalid_regex:<p>`: the suite's pattern does not compile.
 *
 * At most one failure per parameter, the first found in the order above. Pure; never throws.
 */
export function checkCall(
  expected: ExpectedCall,
  call: ToolCall,
  tool: ToolDefinition | undefined,
): string[] {
  if (call.name !== expected.name) return ['wrong_name'];
  const schema = tool?.parameters;
  const properties = schema?.properties;
  const matchers = expected.arguments ?? {};
  const args = call.arguments;
  const fromXml = call.format === 'tagged-xml' || call.format === 'broken-xml';
  const failures = new Map<string, string>();
  const values = new Map<string, unknown>();

  for (const param of schema?.required ?? []) {
    if (!Object.hasOwn(args, param)) failures.set(param, `missing_required:${param}`);
  }
  for (const [param, matcher] of Object.entries(matchers)) {
    if (!Object.hasOwn(args, param) && matcher.optional !== true && !failures.has(param)) {
      failures.set(param, `missing_required:${param}`);
    }
  }

  for (const [param, raw] of Object.entries(args)) {
    const propertySchema = properties && Object.hasOwn(properties, param) ? properties[param] : undefined;
    if (properties && !propertySchema && schema?.['additionalProperties'] !== true) {
      failures.set(param, `unexpected_argument:${param}`);
      continue;
    }
    const schemaTypes = declaredTypes(propertySchema);
    let value: unknown = raw;
    if (fromXml && typeof raw === 'string') {
      const matcher = Object.hasOwn(matchers, param) ? matchers[param] : undefined;
      const guide = schemaTypes.length > 0 ? schemaTypes : matcher && 'type' in matcher ? [matcher.type] : [];
      const converted = convertXmlValue(raw, guide);
      if (!converted.ok) {
        failures.set(param, `type:${param}`);
        continue;
      }
      value = converted.value;
    }
    if (schemaTypes.length > 0 && !schemaTypes.some((type) => valueHasType(value, type))) {
      failures.set(param, `type:${param}`);
      continue;
    }
    const allowed = propertySchema?.['enum'];
    const same = equalityOf(Object.hasOwn(matchers, param) ? matchers[param] : undefined);
    if (Array.isArray(allowed) && !allowed.some((option) => same(option, value))) {
      failures.set(param, `value:${param}`);
      continue;
    }
    values.set(param, value);
  }

  for (const [param, matcher] of Object.entries(matchers)) {
    if (failures.has(param) || !values.has(param)) continue;
    const failure = matcherFailure(param, matcher, values.get(param));
    if (failure !== undefined) failures.set(param, failure);
  }
  return [...failures.values()];
}

/** The equality a matcher's `strings` rule asks for (exact unless `"bfcl"`). */
function equalityOf(matcher: Matcher | undefined): (expected: unknown, actual: unknown) => boolean {
  return matcher !== undefined && 'strings' in matcher && matcher.strings === 'bfcl'
    ? bfclEquals
    : argumentEquals;
}

function matcherFailure(param: string, matcher: Matcher, value: unknown): string | undefined {
  const same = equalityOf(matcher);
  if ('equals' in matcher) return same(matcher.equals, value) ? undefined : `value:${param}`;
  if ('one_of' in matcher) {
    const options: unknown = matcher.one_of;
    const hit = Array.isArray(options) && options.some((option) => same(option, value));
    return hit ? undefined : `value:${param}`;
  }
  if ('regex' in matcher) {
    const compiled = compileRegex(matcher.regex, 'u');
    if (!compiled.ok) return `invalid_regex:${param}`;
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    return compiled.regex.test(text) ? undefined : `value:${param}`;
  }
  if ('type' in matcher) return valueHasType(value, matcher.type) ? undefined : `type:${param}`;
  return undefined;
}
