// The generation parameters of a run: every one is recorded in reports and pinned by run links.
import * as v from 'valibot';

/**
 * How tool calls are asked for: `prompt` — tools described in the system prompt, calls parsed from
 * the text (Qwen's convention); `constrained` — the same, with decoding constrained to each tool's
 * schema after `<tool_call>` (WebLLM); `native` — the server's own `tools` parameter (endpoints).
 * Runs in different modes are never compared as if they were the same.
 */
export const TOOL_CALL_MODES = ['prompt', 'constrained', 'native'] as const;
export const ToolCallModeSchema = v.picklist(TOOL_CALL_MODES, 'must be "prompt", "constrained" or "native"');

/** Sampling temperature: 0 (greedy) to 2. */
export const TemperatureSchema = v.pipe(
  v.number('expected a number'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must be at least 0'),
  v.maxValue(2, 'must be at most 2'),
);

/** Nucleus sampling mass: 0 to 1. */
export const TopPSchema = v.pipe(
  v.number('expected a number'),
  v.finite('must be a finite number'),
  v.minValue(0, 'must be at least 0'),
  v.maxValue(1, 'must be at most 1'),
);

/** Most tokens generated per case: a whole number from 1 to 131,072. */
export const MaxTokensSchema = v.pipe(
  v.number('expected a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(131072, 'must be at most 131,072'),
);

/** Sampling seed: any safe whole number (sample i of a case uses seed + i). */
export const SeedSchema = v.pipe(v.number('expected a number'), v.safeInteger('must be a whole number'));

/** Most samples per case a run may ask for. */
export const MAX_SAMPLES = 100;

/** Generations per case (OpenAI's `n`): several samples give pass@k. */
export const SamplesSchema = v.pipe(
  v.number('expected a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(MAX_SAMPLES, `must be at most ${MAX_SAMPLES}`),
);

/** Sampling and generation parameters. */
export const GenerationParamsSchema = v.strictObject({
  temperature: TemperatureSchema,
  top_p: TopPSchema,
  max_tokens: MaxTokensSchema,
  seed: SeedSchema,
  stop: v.exactOptional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(16))),
  /** Benchmark use: keep generating past the end-of-sequence token. */
  ignore_eos: v.exactOptional(v.boolean()),
  tool_call_mode: ToolCallModeSchema,
  samples: SamplesSchema,
});

/**
 * The parameters a run uses unless told otherwise: greedy decoding (temperature 0 with a fixed
 * seed) so the same model on another device should give the same output; one sample per case.
 */
export const DEFAULT_PARAMS: Readonly<v.InferOutput<typeof GenerationParamsSchema>> = Object.freeze({
  temperature: 0,
  top_p: 1,
  max_tokens: 1024,
  seed: 42,
  tool_call_mode: 'prompt',
  samples: 1,
});
