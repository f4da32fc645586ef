// Consumes a streamed chat completion (OpenAI's chunk shape, as WebLLM and servers send it):
// collects the text, the finish reason and the final usage chunk, and timestamps the first and
// last non-empty deltas. Servers' native tool calls arrive as `delta.tool_calls` fragments
// (vLLM streams the arguments piece by piece, Ollama sends each call whole): joined by index.
import type { FinishReason } from '../../core/engine.ts';
import type { LlamaCppTimings, OpenAiUsage } from './usage.ts';

/** A fragment of a native tool call in a delta. */
export interface OpenAiToolCallDelta {
  index?: number | null | undefined;
  id?: string | null | undefined;
  function?: { name?: string | null | undefined; arguments?: string | null | undefined } | null | undefined;
}

/** The parts of a chat-completion chunk that are read. */
export interface OpenAiChunk {
  choices: readonly {
    delta?:
      | {
          content?: string | null | undefined;
          tool_calls?: readonly OpenAiToolCallDelta[] | null | undefined;
        }
      | null
      | undefined;
    finish_reason?: string | null | undefined;
  }[];
  usage?: OpenAiUsage | null | undefined;
  timings?: LlamaCppTimings | null | undefined;
}

/** A native tool call put together from its fragments; `arguments` is the text the server sent. */
export interface StreamedToolCall {
  name: string;
  arguments: string;
}

export interface StreamedCompletion {
  text: string;
  /** The last finish reason the stream gave; null when it gave none (a stream cut short). */
  finishReason: FinishReason | null;
  usage: OpenAiUsage | undefined;
  /** llama.cpp's `timings`, from the last chunk that had them. */
  timings: LlamaCppTimings | undefined;
  /** Native tool calls in index order (none unless the server was given `tools`). */
  toolCalls: StreamedToolCall[];
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
    timings: undefined,
    toolCalls: [],
    firstTokenMs: null,
    lastTokenMs: null,
  };
  const calls = new Map<number, StreamedToolCall>();
  const ids = new Map<string, number>();
  for await (const chunk of stream) {
    onChunk?.(chunk);
    const choice = chunk.choices[0];
    const delta = choice?.delta?.content ?? '';
    const fragments = choice?.delta?.tool_calls ?? [];
    if (delta.length > 0 || fragments.length > 0) {
      out.lastTokenMs = now();
      out.firstTokenMs ??= out.lastTokenMs;
    }
    if (delta.length > 0) {
      out.text += delta;
      onDelta(delta);
    }
    for (const fragment of fragments) {
      const index = fragment.index ?? indexById(calls, ids, fragment.id ?? null);
      const call = calls.get(index) ?? { name: '', arguments: '' };
      call.name += fragment.function?.name ?? '';
      call.arguments += fragment.function?.arguments ?? '';
      calls.set(index, call);
      if (fragment.id) ids.set(fragment.id, index);
    }
    if (choice?.finish_reason) out.finishReason = toFinishReason(choice.finish_reason);
    if (chunk.usage) out.usage = chunk.usage;
    if (chunk.timings) out.timings = chunk.timings;
  }
  out.toolCalls = [...calls].sort(([a], [b]) => a - b).map(([, call]) => call);
  return out;
}

/** A fragment without an index: the call its id names, a new call for a new id, else the last one. */
function indexById(
  calls: ReadonlyMap<number, StreamedToolCall>,
  ids: ReadonlyMap<string, number>,
  id: string | null,
): number {
  if (id !== null) return ids.get(id) ?? (calls.size === 0 ? 0 : Math.max(...calls.keys()) + 1);
  return calls.size === 0 ? 0 : Math.max(...calls.keys());
}
