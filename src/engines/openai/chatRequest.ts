// The OpenAI chat-completions request both the WebLLM engine and an OpenAI-compatible server take:
// one place that maps the engine contract's messages and parameters onto it. Structural types: the
// WebLLM engine checks them against the installed package's own types where it calls WebLLM.
import type { EngineMessage, GenerationRequest } from '../../core/engine.ts';

/** A chat message as the OpenAI API takes it (tool results carry a call id). */
export type OpenAiMessage =
  | { role: 'system' | 'user' | 'assistant'; content: string }
  | { role: 'tool'; content: string; tool_call_id: string };

/** The streaming chat-completions body: every sampling parameter, and the usage chunk asked for. */
export interface OpenAiChatRequest {
  messages: OpenAiMessage[];
  stream: true;
  stream_options: { include_usage: true };
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed: number;
  stop?: string[];
}

function toMessage(m: EngineMessage, index: number): OpenAiMessage {
  return m.role === 'tool'
    ? { role: 'tool', content: m.content, tool_call_id: `call_${index}` }
    : { role: m.role, content: m.content };
}

/**
 * The request body of one generation: messages in order (a tool message gets the call id
 * `call_<position>`), streaming with the final usage chunk, temperature, top_p, max_tokens and
 * seed as given; `stop` only when non-empty. Engine-specific fields (WebLLM's constrained
 * decoding, a server's model name and native tools) are added by each engine. Pure.
 */
export function buildChatRequest(request: Pick<GenerationRequest, 'messages' | 'params'>): OpenAiChatRequest {
  const { params } = request;
  const body: OpenAiChatRequest = {
    messages: request.messages.map(toMessage),
    stream: true,
    stream_options: { include_usage: true },
    temperature: params.temperature,
    top_p: params.top_p,
    max_tokens: params.max_tokens,
    seed: params.seed,
  };
  if (params.stop !== undefined && params.stop.length > 0) body.stop = params.stop;
  return body;
}
