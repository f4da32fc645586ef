import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bfclStrictNotes } from '../../../../src/core/scoring/bfclStrictNotes.ts';
import { jsonMemberTexts } from '../../../../src/core/scoring/jsonMemberTexts.ts';
import { parseToolCalls } from '../../../../src/core/parser/index.ts';
import { scoreCase } from '../../../../src/core/scoring/scoreCase.ts';
import { explainReason } from '../../../../src/core/report/explainReason.ts';
import type { Suite, ToolDefinition } from '../../../../src/core/suite/types.ts';

const tools: ToolDefinition[] = [
  {
    name: 'f',
    parameters: {
      type: 'object',
      properties: { n: { type: 'integer' }, r: { type: 'number' }, s: { type: 'string' } },
    },
  },
];

const notesOf = (output: string) => bfclStrictNotes(output, parseToolCalls(output).calls, tools);

describe('bfclStrictNotes', () => {
  it("says nothing about a call in Qwen's exact form", () => {
    expect(
      notesOf('<tool_call>\n{"name": "f", "arguments": {"n": 5, "r": 2.0, "s": "5.0"}}\n</tool_call>'),
    ).toEqual([]);
  });

  it('names each way BFCL would read a call that tabeval accepts differently', () => {
    expect(notesOf('<tool_call>{"name": "f", "arguments": {"n": 1}}</tool_call>')).toEqual([
      'bfcl_decoder:no_newlines',
    ]);
    expect(notesOf('<tool_call>\n{"name": "f", "parameters": {"n": 1}}\n</tool_call>')).toEqual([
      'bfcl_decoder:parameters_key',
    ]);
    expect(notesOf('<tool_call>\n{"name": "f", "arguments": "{\\"n\\": 1}"}\n</tool_call>')).toEqual([
      'bfcl_decoder:arguments_string',
    ]);
    expect(notesOf('<tool_call>\n{"name": "f", "arguments": {"n": 5.0, "r": 5.0}}\n</tool_call>')).toEqual([
      'bfcl_type:float_for_integer:n',
    ]);
    expect(notesOf('<tool_call>\n{"name": "f", "arguments": {"n": 5e0}}\n</tool_call>')).toEqual([
      'bfcl_type:float_for_integer:n',
    ]);
    expect(notesOf('```json\n{"name": "f", "arguments": {"n": 1}}\n```')).toEqual(['bfcl_decoder:format']);
  });

  it('puts the notes on the calls verdict without changing it, explained in words', async () => {
    const suite: Suite = {
      id: 's',
      version: '1',
      description: '',
      system_prompt: '',
      tools,
      cases: [
        {
          id: 'c',
          category: 'x',
          prompt: 'p',
          expected_calls: [{ name: 'f', arguments: { n: { equals: 5 } } }],
        },
      ],
    };
    const scored = await scoreCase(
      suite,
      suite.cases[0]!,
      '<tool_call>{"name": "f", "arguments": {"n": 5.0}}</tool_call>',
    );
    const calls = scored.verdicts.find((v) => v.scorer === 'calls')!;
    expect(calls.passed).toBe(true);
    expect(calls.notes).toEqual(['bfcl_decoder:no_newlines', 'bfcl_type:float_for_integer:n']);
    expect(explainReason('calls', 'bfcl_type:float_for_integer:n')).toBe(
      'note: argument "n": BFCL rejects a number written with a fraction or exponent (5.0) for an integer parameter',
    );
    expect(explainReason('calls', 'bfcl_decoder:__proto__')).toBe(
      'note: BFCL would not read this call (__proto__)',
    );
  });
});

describe('jsonMemberTexts', () => {
  it('gives the source text of each member value', () => {
    expect(jsonMemberTexts('{"a": 5.0, "b" : {"c": [1, "}"]}, "d":"x\\"y"}')).toEqual(
      new Map([
        ['a', '5.0'],
        ['b', '{"c": [1, "}"]}'],
        ['d', '"x\\"y"'],
      ]),
    );
    expect(jsonMemberTexts('{}')).toEqual(new Map());
    expect(jsonMemberTexts('[1]')).toBeUndefined();
    expect(jsonMemberTexts('{"a": ')).toBeUndefined();
  });

  it('agrees with JSON.parse on the values of any object', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
        fc.boolean(),
        (object, pretty) => {
          const text = JSON.stringify(object, null, pretty ? 2 : undefined);
          const members = jsonMemberTexts(text);
          expect(members).toBeDefined();
          const parsed = JSON.parse(text) as Record<string, unknown>;
          for (const [key, raw] of members ?? []) expect(JSON.parse(raw)).toEqual(parsed[key]);
          expect(members?.size).toBe(Object.keys(parsed).length);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => void jsonMemberTexts(text)));
  });
});
