// A streamed chat completion's body, as server-sent events (eventsource-parser), to validated
// chunks. The stream ends at `data: [DONE]`; a body that ends before it was cut short.
import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import * as v from 'valibot';
import { ChatChunkSchema, errorBodyMessage, type ChatChunk } from './responseSchemas.ts';

/** Most characters one event may buffer (a chunk is a few hundred; a runaway line is refused). */
export const MAX_EVENT_CHARS = 1_000_000;
/** Most characters a whole stream may carry before it is refused. */
export const MAX_STREAM_CHARS = 64_000_000;

/** Why a stream could not be read to its end. */
export type StreamFailure =
  | { kind: 'cut' }
  | { kind: 'bad-chunk'; detail: string }
  | { kind: 'server-error'; message: string }
  | { kind: 'too-large' };

/** A stream that did not end well; thrown inside the engine only, mapped to an engine error there. */
export class EndpointStreamError extends Error {
  override name = 'EndpointStreamError';
  constructor(readonly failure: StreamFailure) {
    super(failure.kind);
  }
}

function chunkOf(data: string): ChatChunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new EndpointStreamError({ kind: 'bad-chunk', detail: `not JSON: ${data.slice(0, 200)}` });
  }
  const parsed = v.safeParse(ChatChunkSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    throw new EndpointStreamError({
      kind: 'bad-chunk',
      detail: `${where ?? 'chunk'}: ${issue?.message ?? 'unexpected shape'}`,
    });
  }
  if (parsed.output.error !== undefined) {
    const message = errorBodyMessage(parsed.output) ?? JSON.stringify(parsed.output.error).slice(0, 500);
    throw new EndpointStreamError({ kind: 'server-error', message });
  }
  return parsed.output;
}

/**
 * Yields every chunk of the body in order, until `[DONE]`. Throws `EndpointStreamError` when the
 * body ends before `[DONE]`, a chunk is not JSON of the chunk shape, the server reports an error
 * in the stream (a chunk with `error`, or llama.cpp's `error:` line), or the stream is too large;
 * reading errors (an abort) are rethrown as they are. The reader is released in every case.
 */
export async function* readSseChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatChunk> {
  const events: EventSourceMessage[] = [];
  let failure: StreamFailure | null = null;
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (event) => events.push(event),
    onError: (error: ParseError) => {
      // llama.cpp reports a failure during generation as an `error: {...}` line.
      if (error.type === 'unknown-field' && error.field === 'error') {
        let message = error.value ?? 'error';
        try {
          message = errorBodyMessage({ error: JSON.parse(message) as unknown }) ?? message;
        } catch {
          // Not JSON: the text is the message.
        }
        failure ??= { kind: 'server-error', message: message.slice(0, 1000) };
      } else if (error.type === 'max-buffer-size-exceeded') {
        failure ??= { kind: 'too-large' };
      }
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      total += text.length;
      if (total > MAX_STREAM_CHARS) throw new EndpointStreamError({ kind: 'too-large' });
      if (text.length > 0) parser.feed(text);
      for (const event of events.splice(0)) {
        const data = event.data.trim();
        if (event.event === 'error') {
          let message = data;
          try {
            message = errorBodyMessage(JSON.parse(data) as unknown) ?? data;
          } catch {
            // Not JSON: the text is the message.
          }
          throw new EndpointStreamError({ kind: 'server-error', message: message.slice(0, 1000) });
        }
        if (event.event !== undefined && event.event !== 'message') continue;
        if (data === '[DONE]') return;
        if (data !== '') yield chunkOf(data);
      }
      if (failure) throw new EndpointStreamError(failure);
      if (done) throw new EndpointStreamError({ kind: 'cut' });
    }
  } finally {
    reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
