import { readJsonCall } from './jsonCall.ts';
import { mayBeJson } from './jsonValue.ts';
import { notAnObjectDetail } from './nearMissDetail.ts';
import type { FencedJsonToken, Reading } from './tokens.ts';

/**
 * Reads the content of a json fence (trimmed). Content starting with `{` gives a call or a near miss
 * (`bad-json`, `multiple-objects`, `tool-key`, `not-a-call`); other valid JSON (a number, null, a
 * string, an array) gives a `not-a-call` near miss, never a call and never an exception (Punie threw
 * on numbers and null and took strings for calls); anything else is 'none' (prose in a json fence is
 * not an attempted call). Near misses here span the fence but remove no text. Never throws.
 */
export function readFencedJson(src: string, token: FencedJsonToken): Reading {
  const content = src.slice(token.contentStart, token.contentEnd).trim();
  const { start, end } = token;
  if (content.startsWith('{')) {
    const json = readJsonCall(content, 'fence');
    if (json.ok) {
      const call = { name: json.name, arguments: json.arguments, format: 'fenced-json' as const, start, end };
      return { kind: 'call', call };
    }
    return { kind: 'miss', miss: { kind: json.kind, start, end, detail: json.detail } };
  }
  if (!mayBeJson(content)) return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { kind: 'none' };
  }
  return {
    kind: 'miss',
    miss: { kind: 'not-a-call', start, end, detail: notAnObjectDetail('fence', value) },
  };
}
