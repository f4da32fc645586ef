// What an OpenAI-compatible server sends, as far as tabeval reads it. Server responses are
// untrusted: every chunk and listing is checked against these before use; extra fields are
// allowed (every server adds its own), wrong types of the fields read are not.
import * as v from 'valibot';

const optionalNumber = v.nullish(v.number());
const optionalString = v.nullish(v.string());

const ToolCallDeltaSchema = v.looseObject({
  index: optionalNumber,
  id: optionalString,
  function: v.nullish(v.looseObject({ name: optionalString, arguments: optionalString })),
});

/** One `chat.completion.chunk` (the fields read; llama.cpp adds `timings`). */
export const ChatChunkSchema = v.looseObject({
  choices: v.optional(
    v.array(
      v.looseObject({
        delta: v.nullish(
          v.looseObject({ content: optionalString, tool_calls: v.nullish(v.array(ToolCallDeltaSchema)) }),
        ),
        finish_reason: optionalString,
      }),
    ),
    [],
  ),
  usage: v.nullish(v.looseObject({ prompt_tokens: optionalNumber, completion_tokens: optionalNumber })),
  timings: v.nullish(
    v.looseObject({
      prompt_n: optionalNumber,
      prompt_ms: optionalNumber,
      prompt_per_second: optionalNumber,
      predicted_n: optionalNumber,
      predicted_ms: optionalNumber,
      predicted_per_second: optionalNumber,
    }),
  ),
  system_fingerprint: optionalString,
  /** vLLM and others report a failure inside the stream as a chunk with an `error`. */
  error: v.optional(v.unknown()),
});

export type ChatChunk = v.InferOutput<typeof ChatChunkSchema>;

/** `GET /models`: `data[].id`; vLLM adds `max_model_len` and `owned_by: "vllm"`. */
export const ModelListSchema = v.looseObject({
  data: v.array(
    v.looseObject({
      id: v.pipe(v.string(), v.maxLength(500)),
      owned_by: optionalString,
      max_model_len: optionalNumber,
    }),
  ),
});

/** The message of an error body — OpenAI's `{"error": {"message"}}`, `{"error": "text"}`, vLLM's `{"message"}` — or null. */
export function errorBodyMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const inner = (error as { message?: unknown }).message;
    if (typeof inner === 'string') return inner;
  }
  return typeof message === 'string' ? message : null;
}
