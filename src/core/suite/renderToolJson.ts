import type { ToolDefinition } from './types.ts';

// JSON Schema keywords in the order tool definitions are usually written (and Qwen saw in training);
// other keys follow in code-unit order.
const KEYWORD_ORDER = [
  'type',
  'function',
  'name',
  'description',
  'parameters',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'default',
  'examples',
];

function rank(key: string): number {
  const index = KEYWORD_ORDER.indexOf(key);
  return index === -1 ? KEYWORD_ORDER.length : index;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keys of a schema object: known keywords first, in their usual order, then the rest. */
function schemaKeyOrder(keys: string[]): string[] {
  return keys.sort((a, b) => rank(a) - rank(b) || byCodeUnits(a, b));
}

/** Parameter names: those in `required` in its order, then the optional ones alphabetically. */
function propertyKeyOrder(keys: string[], required: unknown): string[] {
  const requiredNames = Array.isArray(required) ? required.filter((name) => typeof name === 'string') : [];
  const position = (key: string): number => {
    const index = requiredNames.indexOf(key);
    return index === -1 ? requiredNames.length : index;
  };
  return keys.sort((a, b) => position(a) - position(b) || byCodeUnits(a, b));
}

/** Python's `json.dumps(value, ensure_ascii=False)`: ", " and ": " separators, keys in `keyOrder`. */
function write(value: unknown, keyOrder: (keys: string[]) => string[]): string {
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => write(item, schemaKeyOrder)).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const record = value as Record<string, unknown>;
  const members = keyOrder(Object.keys(record)).map((key) => {
    const child = record[key];
    const childOrder =
      key === 'properties' && keyOrder === schemaKeyOrder
        ? (keys: string[]) => propertyKeyOrder(keys, record.required)
        : schemaKeyOrder;
    return `${JSON.stringify(key)}: ${write(child, childOrder)}`;
  });
  return `{${members.join(', ')}}`;
}

/**
 * One tool as the JSON line Qwen2.5's chat template puts inside `<tools>`: the OpenAI form
 * `{"type": "function", "function": {...}}` printed like Python's `json.dumps` (", " and ": ",
 * non-ASCII kept). Key order depends only on the content, never on the order in the file, so
 * suites with the same hash render the same prompt: schema keywords in their usual order (`type`,
 * `name`, `description`, `parameters`, `properties`, `required`, ...), other keys by code units,
 * parameters in `required` order and then alphabetically. Remembered per tool object (a validated
 * suite's tools are never changed in place), since every case of a run renders the same tools.
 */
export function renderToolJson(tool: ToolDefinition): string {
  let line = rendered.get(tool);
  if (line === undefined) {
    line = write({ type: 'function', function: tool }, schemaKeyOrder);
    rendered.set(tool, line);
  }
  return line;
}

const rendered = new WeakMap<ToolDefinition, string>();
