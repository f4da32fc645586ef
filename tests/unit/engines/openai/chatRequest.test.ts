import { describe, expect, it } from 'vitest';
import { buildChatRequest } from '../../../../src/engines/openai/chatRequest.ts';
import { buildWebLlmRequest } from '../../../../src/engines/webllm/request.ts';
import type { ToolDefinition } from '../../../../src/core/suite/types.ts';
import { generationRequest } from '../../helpers/generationRequest.ts';

const params = { temperature: 0, top_p: 1, max_tokens: 256, seed: 7 };

describe('buildChatRequest (shared by WebLLM and servers)', () => {
  it('streams with usage and passes every sampling parameter', () => {
    const req = buildChatRequest(
      generationRequest(
        [
          { role: 'system', content: 'sys' },
          { role: 'user', content: 'hi' },
        ],
        { ...params, stop: ['</s>'] },
      ),
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
    });
  });

  it('gives tool messages a call id and leaves out empty stop lists', () => {
    const req = buildChatRequest(
      generationRequest(
        [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: '<tool_call>{}</tool_call>' },
          { role: 'tool', content: '{"ok":true}' },
        ],
        { ...params, stop: [] },
      ),
    );
    expect(req.messages[2]).toEqual({ role: 'tool', content: '{"ok":true}', tool_call_id: 'call_2' });
    expect('stop' in req).toBe(false);
  });
});

describe('buildWebLlmRequest', () => {
  const tools: ToolDefinition[] = [
    { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } },
  ];

  it('adds ignore_eos for benchmarks', () => {
    expect(buildWebLlmRequest(generationRequest([], { ...params, ignore_eos: true })).ignore_eos).toBe(true);
    expect('ignore_eos' in buildWebLlmRequest(generationRequest([], params))).toBe(false);
  });

  it('constrains tool calls with a structural tag in constrained mode only', () => {
    expect(buildWebLlmRequest(generationRequest([], params, { tools })).response_format).toBeUndefined();
    const req = buildWebLlmRequest(
      generationRequest([], { ...params, tool_call_mode: 'constrained', samples: 1 }, { tools }),
    );
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
              content: { type: 'json_schema', json_schema: tools[0]?.parameters },
              end: '}\n</tool_call>',
            },
          ],
        },
      },
    });
  });

  it('escapes tool names inside the tag', () => {
    const req = buildWebLlmRequest(
      generationRequest(
        [],
        { ...params, tool_call_mode: 'constrained', samples: 1 },
        {
          tools: [{ name: 'a"b', parameters: { type: 'object' } }],
        },
      ),
    );
    expect(JSON.stringify(req.response_format)).toContain('\\"name\\": \\"a\\\\\\"b\\"');
  });
});
