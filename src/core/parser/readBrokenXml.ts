import { parseXmlParameters } from './parseXmlFunction.ts';
import type { BrokenXmlToken } from './tokens.ts';
import type { ToolCall } from './types.ts';

/**
 * Reads a broken-XML match (opening `<tool_call>` missing): a call with the token's name and the
 * `<parameter=…>` found in its body, or undefined when the body has no parameter (Punie's rule: broken
 * XML without parameters is not a call, and its text stays). Takes the input and the token. Never throws.
 */
export function readBrokenXml(src: string, token: BrokenXmlToken): ToolCall | undefined {
  const args = parseXmlParameters(src.slice(token.bodyStart, token.bodyEnd));
  if (Object.keys(args).length === 0) return undefined;
  return { name: token.name, arguments: args, format: 'broken-xml', start: token.start, end: token.end };
}
