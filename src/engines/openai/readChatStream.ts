// Consumes a streamed chat completion (OpenAI's chunk shape, as WebLLM and servers send it):
// collects the text, the finish reason and the final usage chunk, and timestamps the first and
// last non-empty deltas.
import type { FinishReason } from '../../core/engine.ts';
import type { OpenAiUsage } from './usage.ts';

/** The parts of a chat-completion chunk that are read. */
export interface OpenAiChunk {
  choices: readonly { delta?: { content?: string | null } | null; finish_reason?: string | null }[];
  usage?: OpenAiUsage | null;
}

export interface StreamedCompletion {
  text: string;
  /** The last finish reason the stream gave; null when it gave none (a stream cut short). */
  finishReason: FinishReason | null;
  usage: OpenAiUsage | undefined;
  firstTokenMs: number | null;
  lastTokenMs: number | null;
}

const FINISH_REASONS: ReadonlySet<string> = new Set(['stop', 'length', 'abort', 'tool_calls']);

/** A server's finish reason in the report's terms: unknown ones (`content_filter`…) read as `stop`. */
export function toFinishReason(reason: string): FinishReason {
  return FINISH_REASONS.has(reason) ? (reason as FinishReason) : 'stop';
}

/**
 * Reads every chunk: deltas go to `onDelta` as they come (and into `text`); with
 * `stream_options.include_usage` the usage arrives in a last chunk with no choices. Rejects when
 * the stream does (the caller maps that to an engine error).
 */
export async function readChatStream<TChunk extends OpenAiChunk>(
  stream: AsyncIterable<TChunk>,
  onDelta: (delta: string) => void,
  now: () => number,
  onChunk?: (chunk: TChunk) => void,
): Promise<StreamedCompletion> {
  const out: StreamedCompletion = {
    text: '',
    finishReason: null,
    usage: undefined,
    firstTokenMs: null,
    lastTokenMs: null,
  };
  for await (const chunk of stream) {
    onChunk?.(chunk);
    const choice = chunk.choices[0];
    const delta = choice?.delta?.content ?? '';
    if (delta.length > 0) {
      out.lastTokenMs = now();
      out.firstTokenMs ??= out.lastTokenMs;
      out.text += delta;
      onDelta(delta);
    }
    if (choice?.finish_reason) out.finishReason = toFinishReason(choice.finish_reason);
    if (chunk.usage) out.usage = chunk.usage;
  }
  return out;
}
