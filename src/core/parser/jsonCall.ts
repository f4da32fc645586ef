import { hasKey, isPlainObject } from './jsonValue.ts';
import {
  argumentsNotObjectDetail,
  badJsonDetail,
  multipleObjectsDetail,
  nameNotStringDetail,
  noNameDetail,
  notAnObjectDetail,
  toolKeyDetail,
  type JsonPlace,
} from './nearMissDetail.ts';
import { splitJsonObjects } from './scanJsonObjects.ts';
import type { CallArguments, NearMissKind } from './types.ts';

/**
 * A JSON call candidate read: either a call, or why not. `xmlFallback` says whether Punie would still
 * look for `<function=…>` XML in the same text: yes when the JSON did not parse or has no "name" key.
 */
export type JsonCallReading =
  | { ok: true; name: string; arguments: CallArguments }
  | { ok: false; kind: NearMissKind; detail: string; xmlFallback: boolean };

/**
 * Reads a call from JSON text (already trimmed, starting with `{`), found in a `<tool_call>` block or
 * a json fence (`place`, for the wording of details). Returns the call, or a reading that names the
 * near-miss kind: `bad-json` (with what `JSON.parse` reported), `multiple-objects` (two or more
 * objects one after another), or one of those of `readJsonCallValue`. Linear; never throws.
 */
export function readJsonCall(text: string, place: JsonPlace): JsonCallReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const objects = splitJsonObjects(text);
    if (objects !== undefined) {
      return {
        ok: false,
        kind: 'multiple-objects',
        detail: multipleObjectsDetail(place, objects.length),
        xmlFallback: true,
      };
    }
    return { ok: false, kind: 'bad-json', detail: badJsonDetail(place, error), xmlFallback: true };
  }
  return readJsonCallValue(value, place);
}

/**
 * Reads a call from a parsed JSON value. A call is an object with a string "name"; its arguments are
 * "arguments", else "parameters", passed through as written when they are an object; absent or
 * null become `{}`; a string that holds a JSON object (OpenAI's encoding) becomes that object.
 * Anything else is not a call: `tool-key` for "tool" where "name" belongs, `not-a-call` for a
 * non-object, a missing or non-string "name", or arguments that are not an object. Never throws.
 */
export function readJsonCallValue(value: unknown, place: JsonPlace): JsonCallReading {
  if (!isPlainObject(value)) {
    return { ok: false, kind: 'not-a-call', detail: notAnObjectDetail(place, value), xmlFallback: true };
  }
  if (!hasKey(value, 'name')) {
    if (hasKey(value, 'tool')) {
      return { ok: false, kind: 'tool-key', detail: toolKeyDetail(place, value['tool']), xmlFallback: true };
    }
    const nested = value['function'];
    const nestedName = isPlainObject(nested) && typeof nested['name'] === 'string';
    return { ok: false, kind: 'not-a-call', detail: noNameDetail(place, nestedName), xmlFallback: true };
  }
  const name = value['name'];
  if (typeof name !== 'string') {
    return { ok: false, kind: 'not-a-call', detail: nameNotStringDetail(place, name), xmlFallback: false };
  }
  const key = hasKey(value, 'arguments') ? 'arguments' : 'parameters';
  const written = value[key];
  const args = argumentsObject(written);
  if (args === undefined) {
    return {
      ok: false,
      kind: 'not-a-call',
      detail: argumentsNotObjectDetail(place, key, written),
      xmlFallback: false,
    };
  }
  return { ok: true, name, arguments: args };
}

function argumentsObject(written: unknown): CallArguments | undefined {
  if (written === undefined || written === null) return {};
  if (isPlainObject(written)) return written;
  if (typeof written === 'string' && written.trimStart().startsWith('{')) {
    try {
      const decoded: unknown = JSON.parse(written);
      if (isPlainObject(decoded)) return decoded;
    } catch {
      // not JSON: falls through to "not an object"
    }
  }
  return undefined;
}
