import { describe, expect, it } from 'vitest';
import type { GenerationParams } from '../../../../src/core/engine.ts';
import { buildChatRequest } from '../../../../src/engines/webllm/request.ts';

const params: GenerationParams = { temperature: 0, top_p: 1, max_tokens: 256, seed: 7 };

describe('buildChatRequest', () => {
  it('streams with usage and passes every sampling parameter', () => {
    const req = buildChatRequest(
      [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'hi' },
      ],
      { ...params, stop: ['</s>'], ignore_eos: true },
    );
    expect(req).toEqual({
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'hi' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      top_p: 1,
      max_tokens: 256,
      seed: 7,
      stop: ['</s>'],
      ignore_eos: true,
    });
  });

  it('gives tool messages a call id and leaves out empty stop lists', () => {
    const req = buildChatRequest(
      [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: '<tool_call>{}</tool_call>' },
        { role: 'tool', content: '{"ok":true}' },
      ],
      { ...params, stop: [] },
    );
    expect(req.messages[2]).toEqual({ role: 'tool', content: '{"ok":true}', tool_call_id: 'call_2' });
    expect('stop' in req).toBe(false);
  });

  it('constrains tool calls with a structural tag in constrained mode only', () => {
    const tool_schemas = [
      { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } },
    ];
    expect(buildChatRequest([], { ...params, tool_schemas }).response_format).toBeUndefined();
    const req = buildChatRequest([], { ...params, tool_call_mode: 'constrained', tool_schemas });
    expect(req.response_format).toEqual({
      type: 'structural_tag',
      structural_tag: {
        type: 'structural_tag',
        format: {
          type: 'triggered_tags',
          triggers: ['<tool_call>'],
          tags: [
            {
              type: 'tag',
              begin: '<tool_call>\n{"name": "read_file", "arguments": ',
              content: { type: 'json_schema', json_schema: tool_schemas[0]?.parameters },
              end: '}\n</tool_call>',
            },
          ],
        },
      },
    });
  });

  it('escapes tool names inside the tag', () => {
    const req = buildChatRequest([], {
      ...params,
      tool_call_mode: 'constrained',
      tool_schemas: [{ name: 'a"b', parameters: {} }],
    });
    expect(JSON.stringify(req.response_format)).toContain('\\"name\\": \\"a\\\\\\"b\\"');
  });
});
