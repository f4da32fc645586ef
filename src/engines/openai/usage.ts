// Maps a generation's usage into the report's figures: `reported` as the engine or server says,
// `measured` from tabeval's own clock around the stream (request sent, first non-empty delta, last
// delta, stream end). Token counts come from the engine in both: text cannot be counted in tokens.
// Servers report in different places: WebLLM in `usage.extra`, llama.cpp's llama-server in a
// `timings` object on the last chunks, Ollama and vLLM token counts only (their speed is measured).
import type { GenerationUsage, UsageFigures } from '../../core/engine.ts';

/** An OpenAI usage object, with WebLLM's `extra` timing figures when it sends them. */
export interface OpenAiUsage {
  prompt_tokens?: number | null | undefined;
  completion_tokens?: number | null | undefined;
  extra?: {
    e2e_latency_s?: number;
    prefill_tokens_per_s?: number;
    decode_tokens_per_s?: number;
    time_to_first_token_s?: number;
  } | null;
}

/**
 * llama.cpp's `timings` (llama-server adds it to the final chunks): prompt processing and
 * generation, as the server timed them.
 */
export interface LlamaCppTimings {
  prompt_n?: number | null | undefined;
  prompt_ms?: number | null | undefined;
  prompt_per_second?: number | null | undefined;
  predicted_n?: number | null | undefined;
  predicted_ms?: number | null | undefined;
  predicted_per_second?: number | null | undefined;
}

/** Timestamps in milliseconds from one clock. */
export interface StreamTimings {
  startMs: number;
  firstTokenMs: number | null;
  lastTokenMs: number | null;
  endMs: number;
}

/** A non-negative finite number, else null. */
export function figure(x: number | undefined | null): number | null {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null;
}

/** A token count: a non-negative whole number, else null. */
export function tokenCount(x: number | undefined | null): number | null {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : null;
}

function secondsToMs(s: number | undefined): number | null {
  const value = figure(s);
  return value === null ? null : value * 1000;
}

/**
 * The figures the server reports: token counts from the usage chunk (else llama.cpp's `prompt_n`
 * and `predicted_n`), timings from WebLLM's `usage.extra` or llama.cpp's `timings` — there the
 * server's prompt time stands for its time to first token, and its end to end is prompt plus
 * generation time (queueing and the network are not in it). Nulls where nothing was reported.
 */
export function reportedFigures(usage: OpenAiUsage | undefined, timings?: LlamaCppTimings): UsageFigures {
  const extra = usage?.extra ?? undefined;
  const promptMs = figure(timings?.prompt_ms);
  const predictedMs = figure(timings?.predicted_ms);
  return {
    promptTokens: tokenCount(usage?.prompt_tokens) ?? tokenCount(timings?.prompt_n),
    completionTokens: tokenCount(usage?.completion_tokens) ?? tokenCount(timings?.predicted_n),
    ttftMs: secondsToMs(extra?.time_to_first_token_s ?? undefined) ?? promptMs,
    prefillTps: figure(extra?.prefill_tokens_per_s) ?? figure(timings?.prompt_per_second),
    decodeTps: figure(extra?.decode_tokens_per_s) ?? figure(timings?.predicted_per_second),
    e2eMs:
      secondsToMs(extra?.e2e_latency_s ?? undefined) ??
      (promptMs !== null && predictedMs !== null ? promptMs + predictedMs : null),
  };
}

/**
 * The figures measured around the call: time to first token, prefill = prompt tokens / TTFT,
 * decode = (completion tokens − 1) / (t_last − t_first) (the first token comes out of prefill),
 * end to end. Token counts as the engine gave them.
 */
export function measuredFigures(
  promptTokens: number | null,
  completionTokens: number | null,
  t: StreamTimings,
): UsageFigures {
  const ttftMs = t.firstTokenMs === null ? null : Math.max(0, t.firstTokenMs - t.startMs);
  const decodeMs =
    t.firstTokenMs === null || t.lastTokenMs === null ? null : Math.max(0, t.lastTokenMs - t.firstTokenMs);
  const decodeTps =
    completionTokens !== null && completionTokens > 1 && decodeMs !== null && decodeMs > 0
      ? (completionTokens - 1) / (decodeMs / 1000)
      : null;
  const prefillTps =
    promptTokens !== null && promptTokens > 0 && ttftMs !== null && ttftMs > 0
      ? promptTokens / (ttftMs / 1000)
      : null;
  return {
    promptTokens,
    completionTokens,
    ttftMs,
    prefillTps,
    decodeTps,
    e2eMs: Math.max(0, t.endMs - t.startMs),
  };
}

/** `reported` from the server's figures, `measured` from our timestamps (see the two functions above). */
export function mapUsage(
  usage: OpenAiUsage | undefined,
  t: StreamTimings,
  timings?: LlamaCppTimings,
): GenerationUsage {
  const reported = reportedFigures(usage, timings);
  return { reported, measured: measuredFigures(reported.promptTokens, reported.completionTokens, t) };
}
