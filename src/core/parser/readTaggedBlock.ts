import { readJsonCall } from './jsonCall.ts';
import { mayBeJson } from './jsonValue.ts';
import { notAnObjectDetail, notJsonNorXmlDetail } from './nearMissDetail.ts';
import { findXmlFunctionName, parseXmlParameters } from './parseXmlFunction.ts';
import type { Reading, TaggedBlockToken } from './tokens.ts';
import type { NearMissKind } from './types.ts';

/**
 * Reads the content of a `<tool_call>` block (trimmed) the way Punie does: JSON first when it starts
 * with `{`; when that gives no call and the JSON had no "name" (or did not parse), the first
 * `<function=NAME>` anywhere in it with the `<parameter=…>` found anywhere in it (well-formed XML:
 * a call even with no parameters). Otherwise a near miss spanning the whole block: the JSON's
 * (`bad-json`, `multiple-objects`, `tool-key`, `not-a-call`), `not-a-call` for other JSON (an array,
 * a string…), or `bad-json` for content that is neither JSON nor XML (including an empty block). Takes the input and the token; returns a call or a near miss, never 'none'.
 * Never throws.
 */
export function readTaggedBlock(src: string, token: TaggedBlockToken): Reading {
  const content = src.slice(token.contentStart, token.contentEnd).trim();
  const { start, end } = token;
  let kind: NearMissKind = 'bad-json';
  let detail = '';
  if (content.startsWith('{')) {
    const json = readJsonCall(content, 'tag');
    if (json.ok) {
      return {
        kind: 'call',
        call: { name: json.name, arguments: json.arguments, format: 'tagged-json', start, end },
      };
    }
    ({ kind, detail } = json);
    if (!json.xmlFallback) return { kind: 'miss', miss: { kind, start, end, detail } };
  }
  const name = findXmlFunctionName(content);
  if (name !== undefined) {
    const call = { name, arguments: parseXmlParameters(content), format: 'tagged-xml' as const, start, end };
    return { kind: 'call', call };
  }
  if (detail === '') ({ kind, detail } = readNonObject(content));
  return { kind: 'miss', miss: { kind, start, end, detail } };
}

// Content that does not start with `{` can still be JSON (an array, a string, a number): say so.
function readNonObject(content: string): { kind: NearMissKind; detail: string } {
  if (!mayBeJson(content)) return { kind: 'bad-json', detail: notJsonNorXmlDetail(content) };
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { kind: 'bad-json', detail: notJsonNorXmlDetail(content) };
  }
  return { kind: 'not-a-call', detail: notAnObjectDetail('tag', value) };
}
