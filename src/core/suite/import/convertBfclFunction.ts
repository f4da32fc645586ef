// BFCL function docs → tabeval tool definitions: BFCL's type names mapped to JSON Schema, the
// Python hint BFCL appends to every description, everything else passed on as written.
import { describeValue } from '../../validation/describeValue.ts';
import type { ToolDefinition } from '../types.ts';

/** BFCL's parameter type names (Python categories) and the JSON Schema type each becomes; `any` none. */
export const BFCL_TYPES: ReadonlyMap<string, string | null> = new Map([
  ['dict', 'object'],
  ['float', 'number'],
  ['integer', 'integer'],
  ['string', 'string'],
  ['boolean', 'boolean'],
  ['array', 'array'],
  ['tuple', 'array'],
  ['any', null],
]);

/** What BFCL adds to the description of a Python function before showing it to the model. */
export const BFCL_PYTHON_HINT = ' Note that the provided function is in Python 3 syntax.';

/** How deep parameter schemas may nest (`items` / `properties`); real BFCL docs go 3 deep. */
const MAX_SCHEMA_DEPTH = 16;

/** A problem in a function doc: where inside `function[i]` (`parameters.properties.x.type`) and what. */
export interface FunctionProblem {
  path: string;
  message: string;
}

type Converted<T> = { ok: true; value: T } | { ok: false; problems: FunctionProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fail = (path: string, message: string): { ok: false; problems: FunctionProblem[] } => ({
  ok: false,
  problems: [{ path, message }],
});

function convertType(type: unknown, path: string): Converted<string | null> {
  if (typeof type !== 'string') return fail(path, `expected a BFCL type name, got ${describeValue(type)}`);
  const mapped = BFCL_TYPES.get(type);
  if (mapped === undefined) {
    return fail(
      path,
      `unknown BFCL type ${JSON.stringify(type)} (known: ${[...BFCL_TYPES.keys()].join(', ')})`,
    );
  }
  return { ok: true, value: mapped };
}

/** One parameter schema (or `items`), converted recursively; other keywords are kept as written. */
function convertSchema(raw: unknown, path: string, depth: number): Converted<Record<string, unknown>> {
  if (!isRecord(raw)) return fail(path, `expected a parameter schema (an object), got ${describeValue(raw)}`);
  if (depth > MAX_SCHEMA_DEPTH) return fail(path, `nests more than ${MAX_SCHEMA_DEPTH} levels deep`);
  const problems: FunctionProblem[] = [];
  // Entries, then Object.fromEntries: keys are untrusted, and `__proto__` must stay a plain key.
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'type') {
      const type = convertType(value, `${path}.type`);
      if (!type.ok) problems.push(...type.problems);
      else if (type.value !== null) out.push(['type', type.value]);
    } else if (key === 'items') {
      const items = convertSchema(value, `${path}.items`, depth + 1);
      if (items.ok) out.push(['items', items.value]);
      else problems.push(...items.problems);
    } else if (key === 'properties') {
      const properties = convertProperties(value, `${path}.properties`, depth + 1);
      if (properties.ok) out.push(['properties', properties.value]);
      else problems.push(...properties.problems);
    } else {
      out.push([key, value]);
    }
  }
  if (!Object.hasOwn(raw, 'type')) problems.push({ path, message: "missing required field 'type'" });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: Object.fromEntries(out) };
}

function convertProperties(
  raw: unknown,
  path: string,
  depth: number,
): Converted<Record<string, Record<string, unknown>>> {
  if (!isRecord(raw)) return fail(path, `expected an object of parameter schemas, got ${describeValue(raw)}`);
  const problems: FunctionProblem[] = [];
  const out: [string, Record<string, unknown>][] = [];
  for (const [name, schema] of Object.entries(raw)) {
    const converted = convertSchema(schema, `${path}.${name}`, depth);
    if (converted.ok) out.push([name, converted.value]);
    else problems.push(...converted.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: Object.fromEntries(out) };
}

/**
 * Converts one BFCL function doc (`{name, description, parameters: {type: "dict", properties,
 * required}}`) to a tabeval tool: `dict` → `object`, `float` → `number`, `tuple` → `array`, `any` →
 * no type, at every depth; the description gets BFCL's Python hint (`BFCL_PYTHON_HINT`), as BFCL
 * shows it to the model. Returns the tool, or every problem with its path inside the doc. Pure;
 * never throws.
 */
export function convertBfclFunction(raw: unknown): Converted<ToolDefinition> {
  if (!isRecord(raw)) return fail('', `expected a function doc (an object), got ${describeValue(raw)}`);
  const problems: FunctionProblem[] = [];
  const name = raw['name'];
  if (typeof name !== 'string' || name === '') {
    problems.push({ path: 'name', message: `expected a function name, got ${describeValue(name)}` });
  }
  const description = raw['description'];
  if (description !== undefined && typeof description !== 'string') {
    problems.push({ path: 'description', message: `expected a string, got ${describeValue(description)}` });
  }
  const parameters = convertSchema(raw['parameters'], 'parameters', 0);
  if (!parameters.ok) problems.push(...parameters.problems);
  else if (parameters.value['type'] !== 'object') {
    problems.push({
      path: 'parameters.type',
      message: 'the parameters of a function must be of type "dict"',
    });
  }
  const required = parameters.ok ? parameters.value['required'] : undefined;
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string'))) {
    problems.push({ path: 'parameters.required', message: 'expected an array of parameter names' });
  }
  if (problems.length > 0 || !parameters.ok || typeof name !== 'string') {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      name,
      description: `${typeof description === 'string' ? description : ''}${BFCL_PYTHON_HINT}`,
      parameters: parameters.value as ToolDefinition['parameters'],
    },
  };
}
