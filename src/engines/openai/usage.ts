// Maps a generation's usage into the report's figures: `reported` as the engine or server says,
// `measured` from tabeval's own clock around the stream (request sent, first non-empty delta, last
// delta, stream end). Token counts come from the engine in both: text cannot be counted in tokens.
import type { GenerationUsage, UsageFigures } from '../../core/engine.ts';

/** An OpenAI usage object, with WebLLM's `extra` timing figures when it sends them. */
export interface OpenAiUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  extra?: {
    e2e_latency_s?: number;
    prefill_tokens_per_s?: number;
    decode_tokens_per_s?: number;
    time_to_first_token_s?: number;
  } | null;
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

/** The figures the usage chunk reports: token counts, and WebLLM's `extra` timings when present. */
export function reportedFigures(usage: OpenAiUsage | undefined): UsageFigures {
  const extra = usage?.extra ?? undefined;
  return {
    promptTokens: tokenCount(usage?.prompt_tokens),
    completionTokens: tokenCount(usage?.completion_tokens),
    ttftMs: secondsToMs(extra?.time_to_first_token_s),
    prefillTps: figure(extra?.prefill_tokens_per_s),
    decodeTps: figure(extra?.decode_tokens_per_s),
    e2eMs: secondsToMs(extra?.e2e_latency_s),
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

/** `reported` from the usage chunk, `measured` from the timings (see the two functions above). */
export function mapUsage(usage: OpenAiUsage | undefined, t: StreamTimings): GenerationUsage {
  const reported = reportedFigures(usage);
  return { reported, measured: measuredFigures(reported.promptTokens, reported.completionTokens, t) };
}
