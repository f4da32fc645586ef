// WebLLM's streaming chat-completion request: the shared OpenAI body (../openai/chatRequest.ts)
// plus what only WebLLM takes. Typed against the installed package's own request type.
import type { ChatCompletionRequestStreaming, ResponseFormat } from '@mlc-ai/web-llm';
import type { GenerationRequest } from '../../core/engine.ts';
import type { ToolDefinition } from '../../core/suite/types.ts';
import { buildChatRequest } from '../openai/chatRequest.ts';

/**
 * Constrained tool calls: once the model writes `<tool_call>`, the rest of the call must be
 * Qwen's `{"name": <tool>, "arguments": <JSON matching the tool's schema>}` and `</tool_call>`.
 * Text outside tool calls stays free. (xgrammar "triggered_tags" structural tag.)
 */
export function toolCallResponseFormat(tools: readonly ToolDefinition[]): ResponseFormat {
  return {
    type: 'structural_tag',
    structural_tag: {
      type: 'structural_tag',
      format: {
        type: 'triggered_tags',
        triggers: ['<tool_call>'],
        tags: tools.map((tool) => ({
          type: 'tag',
          begin: `<tool_call>\n{"name": ${JSON.stringify(tool.name)}, "arguments": `,
          // A plain copy: the schema's records have no prototype, and xgrammar reads it as JSON.
          content: {
            type: 'json_schema',
            json_schema: JSON.parse(JSON.stringify(tool.parameters)) as object,
          },
          end: '}\n</tool_call>',
        })),
      },
    },
  };
}

/**
 * The request of one generation: the shared body, `ignore_eos` when asked (benchmarks), and in
 * `constrained` mode a structural tag per offered tool. (`native` tools are a server feature:
 * WebLLM's `tools` parameter throws for Qwen2.5-Coder, so the tools stay in the prompt.)
 */
export function buildWebLlmRequest(request: GenerationRequest): ChatCompletionRequestStreaming {
  const body: ChatCompletionRequestStreaming = buildChatRequest(request);
  if (request.params.ignore_eos !== undefined) body.ignore_eos = request.params.ignore_eos;
  if (request.params.tool_call_mode === 'constrained' && request.tools.length > 0) {
    body.response_format = toolCallResponseFormat(request.tools);
  }
  return body;
}
