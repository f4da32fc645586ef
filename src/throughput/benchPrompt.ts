import type { EngineMessage, GenerationParams } from '../core/engine.ts';

// The pp prompt is a fixed sentence repeated. Prefill cost depends on the number of tokens, not
// on what they say, so any text does; a fixed one keeps runs comparable across devices.
//
// Approximation: with Qwen2.5's byte-level BPE each of the nine common words (with its leading
// space) and the full stop is one token, so one repeat is about 10 tokens, and the chat template
// around it (ChatML with our one-line system prompt) about 20. The protocol does not trust these
// numbers: an untimed calibration request with CALIBRATION_REPEATS repeats, compared with the
// warm-up's single repeat, measures tokens per repeat and template overhead from the prompt
// token counts WebLLM reports, and every timed sample records the actual prompt tokens.

export const PROMPT_SENTENCE = 'The quick brown fox jumps over the lazy dog.';
export const ESTIMATED_TOKENS_PER_REPEAT = 10;
export const ESTIMATED_OVERHEAD_TOKENS = 20;
/** Repeats of the calibration prompt (the warm-up uses one). */
export const CALIBRATION_REPEATS = 8;

const SYSTEM_PROMPT = 'You are a helpful assistant.';
const TG_PROMPT = 'Write a long story about a fox who learns to program computers.';
/** Tokens the warm-up generates: enough to run the decode kernels once. */
const WARMUP_TOKENS = 8;

/** Greedy, fixed seed: the same work on every device. */
export const BENCH_SAMPLING = {
  temperature: 0,
  top_p: 1,
  seed: 0,
  tool_call_mode: 'prompt',
  samples: 1,
} as const;

/** The pp prompt: the sentence `repeats` times. */
export function promptMessages(repeats: number): EngineMessage[] {
  const body = Array.from({ length: Math.max(1, repeats) }, () => PROMPT_SENTENCE).join(' ');
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: body },
  ];
}

/** The tg prompt: short, so the test measures decoding. */
export function generationMessages(): EngineMessage[] {
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: TG_PROMPT },
  ];
}

export function prefillParams(): GenerationParams {
  return { ...BENCH_SAMPLING, max_tokens: 1 };
}

export function decodeParams(tokens: number): GenerationParams {
  return { ...BENCH_SAMPLING, max_tokens: tokens, ignore_eos: true };
}

export function warmupParams(): GenerationParams {
  return { ...BENCH_SAMPLING, max_tokens: WARMUP_TOKENS, ignore_eos: true };
}

/** How many repeats the pp prompt gets, and what that was based on. */
export interface PromptPlan {
  repeats: number;
  tokensPerRepeat: number | null;
  overheadTokens: number | null;
  calibrated: boolean;
}

/**
 * Repeats for a prompt of about `tokens` tokens. With the prompt tokens reported for one repeat
 * (`single`) and for CALIBRATION_REPEATS repeats (`calibration`), the count is linear:
 * tokens(n) = overhead + n × perRepeat, solved for n and rounded (within half a repeat of the
 * target). Without usable counts, the documented estimates. Pure; never throws.
 */
export function planPrompt(tokens: number, single: number | null, calibration: number | null): PromptPlan {
  if (single !== null && calibration !== null && calibration > single) {
    const perRepeat = (calibration - single) / (CALIBRATION_REPEATS - 1);
    const overhead = single - perRepeat;
    return {
      repeats: Math.max(1, Math.round((tokens - overhead) / perRepeat)),
      tokensPerRepeat: perRepeat,
      overheadTokens: overhead,
      calibrated: true,
    };
  }
  return {
    repeats: Math.max(1, Math.round((tokens - ESTIMATED_OVERHEAD_TOKENS) / ESTIMATED_TOKENS_PER_REPEAT)),
    tokensPerRepeat: null,
    overheadTokens: null,
    calibrated: false,
  };
}
