import type { ToolCall } from '../parser/types.ts';
import type { ToolDefinition } from '../suite/types.ts';
import { jsonMemberTexts } from './jsonMemberTexts.ts';
import { declaredTypes } from './valueHasType.ts';

const OPEN = '<tool_call>';
const CLOSE = '</tool_call>';
/** A JSON number written with a fraction or an exponent: Python's json reads it as a float. */
const FRACTION_WRITTEN = /^-?\d+[.e]/i;

/** What a note kind (`no_newlines`) says BFCL would do differently; an unknown kind as written. */
export function bfclNoteWords(kind: string): string {
  return Object.hasOwn(NOTE_WORDS, kind) ? (NOTE_WORDS[kind] ?? kind) : kind;
}

const NOTE_WORDS: Readonly<Record<string, string>> = {
  format: "it is not in Qwen's <tool_call> JSON form, the only one BFCL's Qwen decoder reads",
  no_newlines: "BFCL's Qwen decoder needs a newline after <tool_call> and before </tool_call>",
  parameters_key: 'BFCL\'s Qwen decoder needs "arguments", not "parameters"',
  arguments_string: "BFCL's Qwen decoder needs the arguments as an object, not a JSON string",
  float_for_integer:
    'BFCL rejects a number written with a fraction or exponent (5.0) for an integer parameter',
};

/**
 * Where tabeval accepts a call that BFCL's checker (with its Qwen decoder) would not, as notes on
 * the calls verdict, so a BFCL-strict reading is one filter away: `bfcl_decoder:format` (a fenced
 * or XML call), `bfcl_decoder:no_newlines` (`<tool_call>{…}</tool_call>` on one line),
 * `bfcl_decoder:parameters_key`, `bfcl_decoder:arguments_string`, and
 * `bfcl_type:float_for_integer:<p>` (an integer parameter written as `5.0`; valid JSON Schema, and
 * `JSON.parse` cannot tell, so the source text is read). One note per kind and call, in call
 * order. `output` is the text the calls were parsed from. Linear; pure; never throws.
 */
export function bfclStrictNotes(
  output: string,
  calls: readonly ToolCall[],
  tools: readonly ToolDefinition[],
): string[] {
  const notes: string[] = [];
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  for (const call of calls) {
    if (call.format !== 'tagged-json') {
      notes.push('bfcl_decoder:format');
      continue;
    }
    const raw = output.slice(call.start, call.end);
    if (!raw.startsWith(`${OPEN}\n`) || !raw.endsWith(`\n${CLOSE}`)) notes.push('bfcl_decoder:no_newlines');
    const inner = raw.slice(OPEN.length, raw.endsWith(CLOSE) ? raw.length - CLOSE.length : raw.length);
    const members = jsonMemberTexts(inner, 0);
    if (members === undefined) continue;
    const args = members.get('arguments');
    if (args === undefined && members.has('parameters')) notes.push('bfcl_decoder:parameters_key');
    if (args?.startsWith('"') === true) notes.push('bfcl_decoder:arguments_string');
    const written = args ?? members.get('parameters');
    const values = written?.startsWith('{') === true ? jsonMemberTexts(written) : undefined;
    const properties = byName.get(call.name)?.parameters.properties ?? {};
    for (const [param, text] of values ?? []) {
      const schema = Object.hasOwn(properties, param) ? properties[param] : undefined;
      const types = declaredTypes(schema);
      const value = (call.arguments as Record<string, unknown>)[param];
      const integral = typeof value === 'number' && Number.isInteger(value);
      if (integral && types.includes('integer') && !types.includes('number') && FRACTION_WRITTEN.test(text)) {
        notes.push(`bfcl_type:float_for_integer:${param}`);
      }
    }
  }
  return notes;
}
