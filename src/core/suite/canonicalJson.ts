/** Thrown by `canonicalJson` for a value that has no JSON form. Validated suites never contain one: seeing it is a bug. */
export class CanonicalJsonError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * The canonical JSON text of a JSON value: object keys sorted by UTF-16 code units, no whitespace
 * between tokens, strings escaped and numbers printed exactly as `JSON.stringify` does. For JSON
 * data this is the same text as RFC 8785 (JCS), so the same value gives the same text in every
 * JavaScript engine.
 *
 * Like `JSON.stringify`, an object property whose value is `undefined`, a function or a symbol is
 * left out, and such an array element is written as `null`. Unlike it, `toJSON` is never called,
 * and a value that JSON cannot represent faithfully throws `CanonicalJsonError` instead of being
 * changed silently: `undefined` (or a function, symbol) at the top, a non-finite number, a bigint,
 * an object that is not a plain object or array, a cycle.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, []);
  if (text === undefined) throw new CanonicalJsonError(`${typeof value} has no JSON form`);
  return text;
}

function write(value: unknown, ancestors: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'bigint':
      throw new CanonicalJsonError('a bigint is not a JSON number');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.includes(object)) throw new CanonicalJsonError('the value contains a cycle');
  ancestors.push(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item: unknown) => write(item, ancestors) ?? 'null').join(',')}]`;
  } else {
    const prototype: unknown = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new CanonicalJsonError(`${Object.prototype.toString.call(object)} is not plain JSON data`);
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units, the order RFC 8785 prescribes.
    for (const key of Object.keys(record).sort()) {
      const member = write(record[key], ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    text = `{${members.join(',')}}`;
  }
  ancestors.pop();
  return text;
}
