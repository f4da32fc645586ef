/** Where JSON text stops being JSON, and why. `line` and `column` count from 1; columns are UTF-16 units. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?/iy;
const WHITESPACE = /[\t\n\r ]*/y;
const HEX4 = /^[\da-f]{4}$/i;

function position(text: string, offset: number, reason: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { offset, line, column: offset - lineStart + 1, reason };
}

function describeChar(char: string): string {
  return char === '\n' ? 'a line break' : `'${char}'`;
}

/** The end of the string starting at `start` (just after its closing quote), or the error in it. */
function scanString(text: string, start: number): number | { offset: number; reason: string } {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code === 0x5c) {
      const escape = text[index + 1];
      if (escape === 'u') {
        if (!HEX4.test(text.slice(index + 2, index + 6)))
          return { offset: index, reason: 'bad \\u escape in a string' };
        index += 6;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        index += 2;
      } else {
        return { offset: index, reason: `bad escape '\\${escape ?? ''}' in a string` };
      }
    } else if (code < 0x20) {
      return {
        offset: index,
        reason: 'a string cannot contain a raw line break or control character (write \\n)',
      };
    } else {
      index++;
    }
  }
  return { offset: start, reason: 'a string is not closed' };
}

/**
 * Finds the first syntax error of JSON text (RFC 8259, as `JSON.parse` reads it), with a reason a
 * person can act on: trailing commas, comments, single quotes, unquoted keys, missing commas.
 * Returns undefined for valid JSON. Iterative: never throws, whatever the nesting depth.
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  const closers: ('}' | ']')[] = [];
  let expect: Expect = 'value';
  let lastComma = -1;
  let index = 0;
  const afterValue = (): Expect => (closers.length === 0 ? 'end' : 'comma-or-close');
  const fail = (offset: number, reason: string) => position(text, offset, reason);

  for (;;) {
    WHITESPACE.lastIndex = index;
    WHITESPACE.test(text);
    index = WHITESPACE.lastIndex;
    const char = text[index];
    if (char === undefined) {
      if (expect === 'end') return undefined;
      const closer = closers.at(-1);
      return fail(
        index,
        closer === undefined
          ? 'the text ends before any JSON value'
          : `the text ends before a closing '${closer}'`,
      );
    }
    if (char === '/' && (text[index + 1] === '/' || text[index + 1] === '*')) {
      return fail(index, 'comments are not allowed in JSON');
    }
    if (expect === 'end')
      return fail(index, `unexpected ${describeChar(char)} after the end of the JSON value`);
    if (expect === 'colon') {
      if (char !== ':') return fail(index, `expected ':' after the property name, got ${describeChar(char)}`);
      expect = 'value';
      index++;
      continue;
    }
    if (expect === 'comma-or-close') {
      const closer = closers.at(-1);
      if (char === ',') {
        lastComma = index;
        expect = closer === '}' ? 'key' : 'value';
        index++;
      } else if (char === closer) {
        closers.pop();
        expect = afterValue();
        index++;
      } else {
        const missing = char === '"' || char === '{' || char === '[' ? ' (missing comma?)' : '';
        return fail(index, `expected ',' or '${closer ?? ''}', got ${describeChar(char)}${missing}`);
      }
      continue;
    }
    if ((expect === 'key' || expect === 'value') && lastComma !== -1 && char === closers.at(-1)) {
      return fail(lastComma, `trailing comma before '${char}'`);
    }
    lastComma = -1;
    if ((char === '}' && expect === 'key-or-close') || (char === ']' && expect === 'value-or-close')) {
      closers.pop();
      expect = afterValue();
      index++;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (char === '"') {
        const end = scanString(text, index);
        if (typeof end !== 'number') return fail(end.offset, end.reason);
        index = end;
        expect = 'colon';
        continue;
      }
      if (char === "'") return fail(index, 'property names need double quotes, not single quotes');
      if (/[\w$]/.test(char)) return fail(index, 'property names need double quotes');
      return fail(index, `expected a property name in double quotes, got ${describeChar(char)}`);
    }
    // expect is 'value' or 'value-or-close'
    if (char === '{' || char === '[') {
      closers.push(char === '{' ? '}' : ']');
      expect = char === '{' ? 'key-or-close' : 'value-or-close';
      index++;
      continue;
    }
    if (char === '"') {
      const end = scanString(text, index);
      if (typeof end !== 'number') return fail(end.offset, end.reason);
      index = end;
      expect = afterValue();
      continue;
    }
    NUMBER.lastIndex = index;
    if ((char === '-' || (char >= '0' && char <= '9')) && NUMBER.test(text)) {
      index = NUMBER.lastIndex;
      expect = afterValue();
      continue;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, index));
    if (literal !== undefined) {
      index += literal.length;
      expect = afterValue();
      continue;
    }
    if (char === "'") return fail(index, 'strings need double quotes, not single quotes');
    const word = /^[a-z]+/i.exec(text.slice(index, index + 20))?.[0];
    if (word !== undefined)
      return fail(index, `unexpected word '${word}' (JSON has only true, false and null)`);
    return fail(index, `expected a value, got ${describeChar(char)}`);
  }
}
