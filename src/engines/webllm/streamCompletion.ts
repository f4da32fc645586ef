// Consumes WebLLM's streamed chat-completion chunks: collects the text, the finish reason and
// the final usage chunk, and timestamps the first and last non-empty deltas.
import type { ChatCompletionChunk } from '@mlc-ai/web-llm';
import type { FinishReason } from '../../core/engine.ts';
import type { UsageReport } from './usage.ts';

export interface StreamedCompletion {
  text: string;
  finishReason: FinishReason | null;
  usage: UsageReport | undefined;
  firstTokenMs: number | null;
  lastTokenMs: number | null;
}

export async function streamCompletion(
  stream: AsyncIterable<ChatCompletionChunk>,
  onDelta: (delta: string) => void,
  now: () => number,
): Promise<StreamedCompletion> {
  const out: StreamedCompletion = {
    text: '',
    finishReason: null,
    usage: undefined,
    firstTokenMs: null,
    lastTokenMs: null,
  };
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const delta = choice?.delta.content ?? '';
    if (delta.length > 0) {
      out.lastTokenMs = now();
      out.firstTokenMs ??= out.lastTokenMs;
      out.text += delta;
      onDelta(delta);
    }
    if (choice?.finish_reason) out.finishReason = choice.finish_reason;
    // With stream_options.include_usage, usage arrives in a last chunk with no choices.
    if (chunk.usage) out.usage = chunk.usage;
  }
  return out;
}
