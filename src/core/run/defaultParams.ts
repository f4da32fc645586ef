import type { GenerationParams } from '../engine.ts';

/**
 * The parameters a run uses unless told otherwise: greedy decoding (temperature 0 with a fixed
 * seed) so the same model on another device should give the same output.
 */
export const DEFAULT_PARAMS: Readonly<GenerationParams> = Object.freeze({
  temperature: 0,
  top_p: 1,
  max_tokens: 1024,
  seed: 42,
  tool_call_mode: 'prompt',
});
