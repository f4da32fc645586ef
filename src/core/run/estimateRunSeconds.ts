import type { GenerationParams } from '../engine.ts';
import type { Suite } from '../suite/types.ts';
import { caseRequest } from './caseRequest.ts';

/** Throughput measured on one device for one model build (the Bench page's pp and tg medians). */
export interface MeasuredSpeed {
  prefillTps: number;
  decodeTps: number;
}

/** Characters per prompt token for Qwen's tokenizer on English and code: a rough, stated guess. */
export const CHARS_PER_TOKEN = 4;

/**
 * An upper bound, in seconds, on how long `suite` takes at `speed`: every case and sample prefills
 * its prompt (its messages' characters / CHARS_PER_TOKEN tokens) and decodes `max_tokens`. Most
 * cases stop earlier, so real runs are usually shorter. Returns null for speeds that are not
 * positive finite numbers (no measurement is better than a made-up one). Never runs a model.
 */
export function estimateRunSeconds(
  suite: Suite,
  params: GenerationParams,
  speed: MeasuredSpeed,
): number | null {
  const { prefillTps, decodeTps } = speed;
  if (!(Number.isFinite(prefillTps) && prefillTps > 0 && Number.isFinite(decodeTps) && decodeTps > 0)) {
    return null;
  }
  const samples = Math.max(1, params.samples);
  let seconds = 0;
  for (const testCase of suite.cases) {
    const request = caseRequest(suite, testCase, params, 0);
    const chars = request.messages.reduce((sum, m) => sum + m.content.length, 0);
    seconds += samples * (chars / CHARS_PER_TOKEN / prefillTps + params.max_tokens / decodeTps);
  }
  return seconds;
}
