// Maps WebLLM's final streamed `usage` chunk plus our own timings to GenerationUsage.
// Reported figures are WebLLM's (usage.extra); measured ones come from the worker's clock around
// the stream: request sent, first non-empty delta, last delta, stream end. Token counts come
// from WebLLM in both (we cannot count tokens from text), timings are ours in `measured`.
import type { GenerationUsage, UsageFigures } from '../../core/engine.ts';

/** WebLLM's CompletionUsage, structurally (only the fields used). */
export interface UsageReport {
  prompt_tokens?: number;
  completion_tokens?: number;
  extra?: {
    e2e_latency_s?: number;
    prefill_tokens_per_s?: number;
    decode_tokens_per_s?: number;
    time_to_first_token_s?: number;
  };
}

/** Timestamps in milliseconds from one clock (performance.now in the worker). */
export interface StreamTimings {
  startMs: number;
  firstTokenMs: number | null;
  lastTokenMs: number | null;
  endMs: number;
}

function finite(x: number | undefined | null): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function secondsToMs(s: number | undefined): number | null {
  const v = finite(s);
  return v === null ? null : v * 1000;
}

export function mapUsage(usage: UsageReport | undefined, t: StreamTimings): GenerationUsage {
  const promptTokens = finite(usage?.prompt_tokens);
  const completionTokens = finite(usage?.completion_tokens);
  const extra = usage?.extra;
  const reported: UsageFigures = {
    promptTokens,
    completionTokens,
    ttftMs: secondsToMs(extra?.time_to_first_token_s),
    prefillTps: finite(extra?.prefill_tokens_per_s),
    decodeTps: finite(extra?.decode_tokens_per_s),
    e2eMs: secondsToMs(extra?.e2e_latency_s),
  };

  const ttftMs = t.firstTokenMs === null ? null : Math.max(0, t.firstTokenMs - t.startMs);
  const decodeMs =
    t.firstTokenMs === null || t.lastTokenMs === null ? null : Math.max(0, t.lastTokenMs - t.firstTokenMs);
  // The first token comes out of prefill; the remaining ones are decode steps.
  const decodeTps =
    completionTokens !== null && completionTokens > 1 && decodeMs !== null && decodeMs > 0
      ? (completionTokens - 1) / (decodeMs / 1000)
      : null;
  const prefillTps =
    promptTokens !== null && promptTokens > 0 && ttftMs !== null && ttftMs > 0
      ? promptTokens / (ttftMs / 1000)
      : null;
  const measured: UsageFigures = {
    promptTokens,
    completionTokens,
    ttftMs,
    prefillTps,
    decodeTps,
    e2eMs: Math.max(0, t.endMs - t.startMs),
  };
  return { reported, measured };
}
