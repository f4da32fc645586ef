import type { GenerationRequest } from '../../core/engine.ts';
import { buildChatRequest, type OpenAiChatRequest } from '../openai/chatRequest.ts';
import { nativeTools } from './nativeToolCalls.ts';

/** The body a server takes: the shared OpenAI body with the model name, and `tools` in native mode. */
export type EndpointChatRequest = OpenAiChatRequest & { model: string; tools?: unknown[] };

/**
 * The request of one generation on a server: the shared body (`buildChatRequest`), the model
 * name, and in `native` tool-call mode the offered tools as OpenAI's `tools` parameter. Pure.
 */
export function buildEndpointRequest(request: GenerationRequest, model: string): EndpointChatRequest {
  const body: EndpointChatRequest = { model, ...buildChatRequest(request) };
  if (request.params.tool_call_mode === 'native' && request.tools.length > 0) {
    body.tools = nativeTools(request.tools);
  }
  return body;
}
