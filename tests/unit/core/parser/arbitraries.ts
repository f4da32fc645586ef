import fc from 'fast-check';
import type { CallFormat } from '../../../../src/core/parser/index.ts';

/** The grammar's tokens, for strings that hit every corner of the recognisers. */
export const GRAMMAR_TOKENS = [
  '<tool_call>',
  '</tool_call>',
  '<function=',
  '<function=a>',
  '<function=>',
  '>',
  '<parameter=',
  '<parameter=p>',
  '</parameter>',
  '</function>',
  '```json',
  '```',
  '```python',
  '{',
  '}',
  '[',
  ']',
  '"name"',
  '"tool"',
  '"arguments"',
  '"parameters"',
  ':',
  ',',
  '"a"',
  '"x\\"y"',
  'null',
  '42',
  '{"name": "a"}',
  '{"name": "b", "arguments": {"k": 1}}',
  '{"tool": "c"}',
  '\n',
  '\r\n',
  ' ',
  '\t',
  'x',
  '😀',
  '文',
];

/** Whole calls and fragments of calls, so that token soup often holds (parts of) real calls. */
export const GRAMMAR_CHUNKS = [
  '<tool_call>{"name": "a"}</tool_call>',
  '<tool_call>{"name": "b", "arguments": {"k": [1, "<"]}}</tool_call>',
  '<tool_call><function=f><parameter=p>v</parameter></function></tool_call>',
  '<tool_call><function=f></function></tool_call>',
  '<function=g><parameter=q>w</parameter></function></tool_call>',
  '<function=g>\n<parameter=q>\nw\n</parameter>\n</function>\n</tool_call>',
  '```json\n{"name": "h", "parameters": {"z": null}}\n```',
  '```json\n',
  '\n```\n',
  '```\n{"name": "u"}\n```\n',
  '<tool_call>\n',
  '\n</tool_call>',
];

/** Strings built from the grammar's tokens and chunks of calls. */
export const grammarText = fc
  .array(fc.oneof(fc.constantFrom(...GRAMMAR_TOKENS), fc.constantFrom(...GRAMMAR_CHUNKS)), { maxLength: 30 })
  .map((t) => t.join(''));

/** Any sequence of UTF-16 code units: lone surrogates, NUL and every other control character included. */
export const anyUnitsText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  maxLength: 200,
});

/** Any sequence of whole code points (astral planes included). */
export const anyCodePointText = fc.string({ unit: 'binary', maxLength: 200 });

/** One call as the parser must recover it. */
export interface ExpectedCall {
  name: string;
  arguments: Record<string, unknown>;
  format: CallFormat;
}

/** A document: its text and the calls it holds, in order. */
export interface Document {
  text: string;
  calls: ExpectedCall[];
}

const MARKERS = ['<tool_call>', '</tool_call>', '<function=', '<parameter=', '</parameter>', '```'];
const name = fc.stringMatching(/^[a-z_]\w{0,15}$/);
const key = fc.stringMatching(/^[a-z]\w{0,9}$/);
const newline = fc.constantFrom('\n', '\r\n');

// JSON round trip normalises what JSON cannot carry (-0 becomes 0).
const jsonArguments = fc
  .dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 })
  .map((args) => JSON.parse(JSON.stringify(args)) as Record<string, unknown>)
  .filter((args) => !MARKERS.some((marker) => JSON.stringify(args).includes(marker)));

const xmlValue = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((value) => !value.includes('<'));
const xmlArguments = fc.dictionary(key, xmlValue, { minKeys: 1, maxKeys: 4 });

const proseWord = fc.constantFrom(
  'Let',
  'me',
  'read',
  'a.py',
  '{',
  '}',
  '"name":',
  'x',
  '世界',
  '😀',
  '-',
  '1.',
  '#',
);
const prose = fc.array(proseWord, { maxLength: 12 }).map((words) => words.join(' '));

const taggedJson = fc
  .record({
    name,
    args: jsonArguments,
    key: fc.constantFrom('arguments', 'parameters'),
    pretty: fc.boolean(),
  })
  .map(({ name, args, key, pretty }) => ({
    text: `<tool_call>\n${JSON.stringify({ name, [key]: args }, null, pretty ? 2 : undefined)}\n</tool_call>`,
    call: { name, arguments: args, format: 'tagged-json' as const },
  }));

const fencedJson = fc.record({ name, args: jsonArguments, nl: newline }).map(({ name, args, nl }) => ({
  text: `\`\`\`json${nl}${JSON.stringify({ name, arguments: args })}${nl}\`\`\``,
  call: { name, arguments: args, format: 'fenced-json' as const },
}));

function xmlFunction(name: string, args: Record<string, string>, nl: string): string {
  const params = Object.entries(args).map(([k, v]) => `<parameter=${k}>${nl}${v}${nl}</parameter>${nl}`);
  return `<function=${name}>${nl}${params.join('')}</function>${nl}</tool_call>`;
}

function trimmed(args: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v.trim()]));
}

const taggedXml = fc.record({ name, args: xmlArguments, nl: newline }).map(({ name, args, nl }) => ({
  text: `<tool_call>${nl}${xmlFunction(name, args, nl)}`,
  call: { name, arguments: trimmed(args), format: 'tagged-xml' as const },
}));

const brokenXml = fc.record({ name, args: xmlArguments, nl: newline }).map(({ name, args, nl }) => ({
  text: xmlFunction(name, args, nl),
  call: { name, arguments: trimmed(args), format: 'broken-xml' as const },
}));

const segment = fc.oneof(
  prose.map((text) => ({ text, call: undefined })),
  taggedJson,
  fencedJson,
  taggedXml,
  brokenXml,
);

/** Documents mixing prose with well-formed calls of all four formats. */
export const wellFormedDocument: fc.Arbitrary<Document> = fc
  .array(fc.record({ segment, separator: fc.constantFrom('\n', '\r\n', ' ', '\n\n') }), { maxLength: 8 })
  .map((parts) => ({
    text: parts.map(({ segment, separator }) => segment.text + separator).join(''),
    calls: parts.flatMap(({ segment }) => (segment.call ? [segment.call] : [])),
  }));
