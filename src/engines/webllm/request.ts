// Builds WebLLM's streaming chat-completion request from the engine contract's messages and
// parameters. Types only from WebLLM: this module is pure and runs anywhere.
import type {
  ChatCompletionMessageParam,
  ChatCompletionRequestStreaming,
  ResponseFormat,
} from '@mlc-ai/web-llm';
import type { EngineMessage, GenerationParams } from '../../core/engine.ts';

/**
 * Constrained tool calls: once the model writes `<tool_call>`, the rest of the call must be
 * Qwen's `{"name": <tool>, "arguments": <JSON matching the tool's schema>}` and `</tool_call>`.
 * Text outside tool calls stays free. (xgrammar "triggered_tags" structural tag.)
 */
export function toolCallResponseFormat(
  schemas: NonNullable<GenerationParams['tool_schemas']>,
): ResponseFormat {
  return {
    type: 'structural_tag',
    structural_tag: {
      type: 'structural_tag',
      format: {
        type: 'triggered_tags',
        triggers: ['<tool_call>'],
        tags: schemas.map((tool) => ({
          type: 'tag',
          begin: `<tool_call>\n{"name": ${JSON.stringify(tool.name)}, "arguments": `,
          content: { type: 'json_schema', json_schema: tool.parameters },
          end: '}\n</tool_call>',
        })),
      },
    },
  };
}

function toMessage(m: EngineMessage, index: number): ChatCompletionMessageParam {
  switch (m.role) {
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      return { role: 'user', content: m.content };
    case 'assistant':
      return { role: 'assistant', content: m.content };
    case 'tool':
      return { role: 'tool', content: m.content, tool_call_id: `call_${index}` };
  }
}

export function buildChatRequest(
  messages: EngineMessage[],
  params: GenerationParams,
): ChatCompletionRequestStreaming {
  const request: ChatCompletionRequestStreaming = {
    messages: messages.map(toMessage),
    stream: true,
    stream_options: { include_usage: true },
    temperature: params.temperature,
    top_p: params.top_p,
    max_tokens: params.max_tokens,
    seed: params.seed,
  };
  if (params.stop !== undefined && params.stop.length > 0) request.stop = params.stop;
  if (params.ignore_eos !== undefined) request.ignore_eos = params.ignore_eos;
  if (params.tool_call_mode === 'constrained' && params.tool_schemas && params.tool_schemas.length > 0) {
    request.response_format = toolCallResponseFormat(params.tool_schemas);
  }
  return request;
}
