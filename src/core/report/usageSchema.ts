// Throughput and latency of one generation, and how it ended: shared by reports, bench results
// and the engines (core/engine.ts infers its types from here).
import * as v from 'valibot';
import { count, milliseconds, tokensPerSecond } from '../validation/fields.ts';

/** Figures of one generation; `null` where the source does not report or we could not measure one. */
export const UsageFiguresSchema = v.strictObject({
  promptTokens: v.nullable(count),
  completionTokens: v.nullable(count),
  ttftMs: v.nullable(milliseconds),
  prefillTps: v.nullable(tokensPerSecond),
  decodeTps: v.nullable(tokensPerSecond),
  e2eMs: v.nullable(milliseconds),
});

/**
 * `reported`: as the engine or server says (WebLLM's usage.extra, llama.cpp's timings, …);
 * `measured`: as timed by tabeval around the call (first streamed token, last token, wall clock).
 */
export const GenerationUsageSchema = v.strictObject({
  reported: UsageFiguresSchema,
  measured: UsageFiguresSchema,
});

/** How a generation ended: `abort` = stopped (by the user or a time limit), `error` = the engine failed. */
export const FINISH_REASONS = ['stop', 'length', 'abort', 'error', 'tool_calls'] as const;
export const FinishReasonSchema = v.picklist(FINISH_REASONS);
