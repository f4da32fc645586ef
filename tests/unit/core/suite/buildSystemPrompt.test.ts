import { describe, expect, it } from 'vitest';
import { buildMessages } from '../../../../src/core/suite/buildMessages.ts';
import {
  buildSystemPrompt,
  QWEN_TOOLS_TEMPLATE,
  renderToolsBlock,
} from '../../../../src/core/suite/buildSystemPrompt.ts';
import { renderToolJson } from '../../../../src/core/suite/renderToolJson.ts';
import type { ToolDefinition } from '../../../../src/core/suite/types.ts';
import { validSuite } from './fixtures.ts';

const readFile: ToolDefinition = {
  name: 'read_file',
  description: 'Read a file.',
  parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
};

// What Qwen2.5's chat template produces for one tool (its `if tools` branch), written out by hand.
const QWEN_BLOCK_ONE_TOOL =
  '# Tools\n\nYou may call one or more functions to assist with the user query.\n\n' +
  'You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n' +
  '{"type": "function", "function": {"name": "read_file", "description": "Read a file.", "parameters": ' +
  '{"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}}\n' +
  '</tools>\n\nFor each function call, return a json object with function name and arguments within ' +
  '<tool_call></tool_call> XML tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>';

describe('renderToolsBlock', () => {
  it("renders Qwen2.5's tools block, one JSON line per tool", () => {
    expect(renderToolsBlock([readFile])).toBe(QWEN_BLOCK_ONE_TOOL);
    const two = renderToolsBlock([readFile, { ...readFile, name: 'other' }]);
    expect(two).toContain('"name": "read_file"');
    expect(two.split('\n').filter((line) => line.startsWith('{"type": "function"'))).toHaveLength(2);
  });

  it('renders nothing without tools', () => {
    expect(renderToolsBlock([])).toBe('');
  });

  it('keeps the template text as a constant with one placeholder', () => {
    expect(QWEN_TOOLS_TEMPLATE.split('{tool_lines}')).toHaveLength(2);
    expect(QWEN_TOOLS_TEMPLATE.replace('{tool_lines}', renderToolJson(readFile))).toBe(QWEN_BLOCK_ONE_TOOL);
  });

  it('inserts descriptions literally, even with $ replacement patterns', () => {
    const tool = { ...readFile, description: 'Costs $& and $1 and $$ — “quoted” é' };
    expect(renderToolsBlock([tool])).toContain('"description": "Costs $& and $1 and $$ — “quoted” é"');
  });
});

describe('renderToolJson', () => {
  it('orders keys by content, not by the order in the file', () => {
    const shuffled: ToolDefinition = {
      parameters: {
        required: ['path'],
        properties: {
          mode: { enum: ['a', 'b'], type: 'string' },
          path: { description: 'File.', type: 'string' },
        },
        type: 'object',
      },
      description: 'Read a file.',
      name: 'read_file',
    };
    expect(renderToolJson(shuffled)).toBe(
      '{"type": "function", "function": {"name": "read_file", "description": "Read a file.", "parameters": ' +
        '{"type": "object", "properties": {"path": {"type": "string", "description": "File."}, ' +
        '"mode": {"type": "string", "enum": ["a", "b"]}}, "required": ["path"]}}}',
    );
  });

  it('orders parameters: required ones in required order, then the others alphabetically', () => {
    const tool: ToolDefinition = {
      name: 't',
      parameters: {
        type: 'object',
        properties: { z: {}, b: {}, content: {}, path: {}, a: {} },
        required: ['path', 'content'],
      },
    };
    expect(renderToolJson(tool)).toContain(
      '"properties": {"path": {}, "content": {}, "a": {}, "b": {}, "z": {}}',
    );
  });

  it('treats a parameter named like a keyword as a parameter', () => {
    const tool: ToolDefinition = {
      name: 't',
      parameters: {
        type: 'object',
        properties: { type: { type: 'string' }, properties: { type: 'object' } },
      },
    };
    expect(renderToolJson(tool)).toContain(
      '"properties": {"properties": {"type": "object"}, "type": {"type": "string"}}',
    );
  });
});

describe('buildSystemPrompt', () => {
  const tools = [readFile];

  it('puts the block where {tools} is', () => {
    expect(buildSystemPrompt({ system_prompt: 'Before.\n\n{tools}\n\nAfter.', tools })).toBe(
      `Before.\n\n${QWEN_BLOCK_ONE_TOOL}\n\nAfter.`,
    );
  });

  it('appends the block after a blank line without a placeholder, as Qwen does', () => {
    expect(buildSystemPrompt({ system_prompt: 'You are helpful.', tools })).toBe(
      `You are helpful.\n\n${QWEN_BLOCK_ONE_TOOL}`,
    );
  });

  it('uses the block alone for an empty prompt', () => {
    expect(buildSystemPrompt({ system_prompt: '', tools })).toBe(QWEN_BLOCK_ONE_TOOL);
  });

  it('removes the placeholder when there are no tools', () => {
    expect(buildSystemPrompt({ system_prompt: 'You are helpful.\n\n{tools}', tools: [] })).toBe(
      'You are helpful.',
    );
    expect(buildSystemPrompt({ system_prompt: 'Plain.', tools: [] })).toBe('Plain.');
  });
});

describe('buildMessages', () => {
  it('sends the system prompt, then the prompt as a user message', () => {
    const [system, user, ...rest] = buildMessages(validSuite, validSuite.cases[0]!);
    expect(system).toEqual({ role: 'system', content: buildSystemPrompt(validSuite) });
    expect(user).toEqual({ role: 'user', content: 'Read /etc/hosts.' });
    expect(rest).toEqual([]);
  });

  it('sends the case messages after the system message', () => {
    const messages = buildMessages(validSuite, validSuite.cases[1]!);
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages.slice(1)).toEqual(validSuite.cases[1]!.messages);
    expect(messages[1]).not.toBe(validSuite.cases[1]!.messages![0]);
  });

  it('leaves out an empty system message', () => {
    expect(buildMessages({ system_prompt: '', tools: [] }, { prompt: 'Hi' })).toEqual([
      { role: 'user', content: 'Hi' },
    ]);
  });
});
