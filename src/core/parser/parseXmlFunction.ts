import { FUNCTION_OPEN, PARAMETER_CLOSE, PARAMETER_OPEN } from './rules.ts';
import type { CallArguments } from './types.ts';

/**
 * The name of the first `<function=NAME>` in `text` whose NAME (everything up to the first `>`) is not
 * empty, trimmed; undefined when there is none. The name may trim to ''. This is where Punie's
 * `<function=([^>]+)>` search would match. Linear; never throws.
 */
export function findXmlFunctionName(text: string): string | undefined {
  let at = 0;
  for (;;) {
    const open = text.indexOf(FUNCTION_OPEN, at);
    if (open < 0) return undefined;
    const nameStart = open + FUNCTION_OPEN.length;
    const nameEnd = text.indexOf('>', nameStart);
    if (nameEnd < 0) return undefined;
    if (nameEnd > nameStart) return text.slice(nameStart, nameEnd).trim();
    at = open + 1;
  }
}

/**
 * Every `<parameter=NAME>VALUE</parameter>` in `text`, left to right without overlap, as Punie's
 * `<parameter=([^>]+)>(.*?)</parameter>` finds them: NAME runs to the first `>` and must not be empty,
 * VALUE to the first `</parameter>`. Names and values are trimmed strings; a repeated name keeps its
 * last value. Returns a plain object (a name like `__proto__` is an ordinary key). Linear; never throws.
 */
export function parseXmlParameters(text: string): CallArguments {
  const args: CallArguments = {};
  let at = 0;
  for (;;) {
    const open = text.indexOf(PARAMETER_OPEN, at);
    if (open < 0) break;
    const nameStart = open + PARAMETER_OPEN.length;
    const nameEnd = text.indexOf('>', nameStart);
    if (nameEnd < 0) break;
    if (nameEnd === nameStart) {
      at = open + 1;
      continue;
    }
    const close = text.indexOf(PARAMETER_CLOSE, nameEnd + 1);
    // No closing tag after this one: none after any later parameter either.
    if (close < 0) break;
    const name = text.slice(nameStart, nameEnd).trim();
    Object.defineProperty(args, name, {
      value: text.slice(nameEnd + 1, close).trim(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    at = close + PARAMETER_CLOSE.length;
  }
  return args;
}
