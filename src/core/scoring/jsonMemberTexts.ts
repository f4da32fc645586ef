const WHITE = new Set([' ', '\t', '\n', '\r']);

function skipWhite(text: string, at: number): number {
  let i = at;
  while (i < text.length && WHITE.has(text[i]!)) i += 1;
  return i;
}

/** The end (exclusive) of the JSON string starting at `at` (a `"`), or -1 when it never closes. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') i += 1;
    else if (char === '"') return i + 1;
  }
  return -1;
}

/** The end (exclusive) of the JSON value starting at `at`, or -1. Iterative: no recursion on nesting. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== '{' && first !== '[') {
    let i = at;
    while (i < text.length && !WHITE.has(text[i]!) && text[i] !== ',' && text[i] !== '}' && text[i] !== ']')
      i += 1;
    return i === at ? -1 : i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      i = stringEnd(text, i) - 1;
      if (i < 0) return -1;
    } else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The raw source text of each member value of the JSON object that starts at `at` in `text`
 * (`{"x": 5.0}` gives x → `5.0`), so a check can see how a value was written, which `JSON.parse`
 * forgets. Keys are decoded; a repeated key keeps its last value, as `JSON.parse` does. Undefined
 * when the text there is not a well-formed object. Linear; never throws; never recurses.
 */
export function jsonMemberTexts(text: string, at = 0): Map<string, string> | undefined {
  const members = new Map<string, string>();
  let i = skipWhite(text, at);
  if (text[i] !== '{') return undefined;
  i = skipWhite(text, i + 1);
  if (text[i] === '}') return members;
  while (i < text.length) {
    if (text[i] !== '"') return undefined;
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return undefined;
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return undefined;
    }
    i = skipWhite(text, keyEnd);
    if (text[i] !== ':') return undefined;
    const start = skipWhite(text, i + 1);
    const end = valueEnd(text, start);
    if (end < 0) return undefined;
    members.set(String(key), text.slice(start, end));
    i = skipWhite(text, end);
    if (text[i] === '}') return members;
    if (text[i] !== ',') return undefined;
    i = skipWhite(text, i + 1);
  }
  return undefined;
}
