import type { Engine, EngineInfo, EngineMessage, EngineResult, GenerationResult } from '../../core/engine.ts';
import { mapUsage } from '../openai/usage.ts';
import { CHARS_PER_TOKEN, streamPaced, type PaceClock } from './streamPaced.ts';

export interface SyntheticOptions {
  /** Decode speed: output tokens per second. */
  decodeTps: number;
  /** Prefill speed: prompt tokens per second; default ten times the decode speed. */
  prefillTps?: number;
  /** Where the synthetic model "ends its answer" unless `ignore_eos` is set; default 48 tokens. */
  naturalTokens?: number;
  /** Timer and clock; injectable for tests. */
  clock?: PaceClock;
  /** The model name it reports (default `synthetic`). */
  modelId?: string;
}

/** One synthetic output token: exactly {@link CHARS_PER_TOKEN} characters, so pacing counts it as one. */
const TOKEN = ' tok';
// Chat-template cost, in the shape of ChatML: per message `<|im_start|>role\n … <|im_end|>\n`,
// plus the `<|im_start|>assistant\n` that opens the reply.
const TOKENS_PER_MESSAGE = 4;
const REPLY_PREFIX_TOKENS = 3;
const WORD_OR_MARK = /[a-z\d]+|[^\s\da-z]/giu;

/** Prompt tokens as a word-level tokenizer counts them: each word and each punctuation mark is one. */
export function syntheticPromptTokens(messages: readonly EngineMessage[]): number {
  let tokens = REPLY_PREFIX_TOKENS;
  for (const m of messages) tokens += TOKENS_PER_MESSAGE + (m.content.match(WORD_OR_MARK)?.length ?? 0);
  return tokens;
}

/**
 * An Engine without a model, for demos and tests of the benchmark: it "prefills" at `prefillTps`
 * (one wait of promptTokens / prefillTps), then streams `max_tokens` tokens (or `naturalTokens`
 * when `ignore_eos` is not set) at `decodeTps`, paced by the replay's schedule. Its usage has
 * WebLLM's shape: `reported` holds the configured speeds, `measured` what its own clock saw,
 * computed by the WebLLM engine's rule (`mapUsage`). Every figure is synthetic.
 */
export function createSyntheticEngine(options: SyntheticOptions): Engine {
  const clock: PaceClock = options.clock ?? {
    sleep: (ms) => new Promise<void>((r) => setTimeout(r, ms)),
    now: () => performance.now(),
  };
  const decodeTps = options.decodeTps > 0 ? options.decodeTps : 1;
  const prefillTps =
    options.prefillTps !== undefined && options.prefillTps > 0 ? options.prefillTps : decodeTps * 10;
  const naturalTokens = options.naturalTokens ?? 48;
  let abortRequested = false;
  const info: EngineInfo = {
    kind: 'synthetic',
    version: 'synthetic-1',
    source: { kind: 'outputs', model: options.modelId ?? 'synthetic' },
    load: null,
    contextWindow: null,
  };

  return {
    async load() {
      return { ok: true, value: info };
    },
    async generate({ messages, params }, onToken): Promise<EngineResult<GenerationResult>> {
      abortRequested = false;
      const promptTokens = syntheticPromptTokens(messages);
      const limit = Math.max(0, Math.floor(params.max_tokens));
      const count = params.ignore_eos === true ? limit : Math.min(limit, naturalTokens);
      const startMs = clock.now();
      const prefillMs = (promptTokens / prefillTps) * 1000;
      await clock.sleep(prefillMs);
      const output = TOKEN.repeat(count);
      const paced = await streamPaced(output, decodeTps, onToken, clock, () => abortRequested);
      const endMs = clock.now();
      const completionTokens = Math.ceil(paced.sent / CHARS_PER_TOKEN);
      const usage = mapUsage(
        {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          extra: {
            prefill_tokens_per_s: prefillTps,
            decode_tokens_per_s: decodeTps,
            time_to_first_token_s: prefillMs / 1000,
            e2e_latency_s: (endMs - startMs) / 1000,
          },
        },
        { startMs, firstTokenMs: paced.firstMs, lastTokenMs: paced.lastMs, endMs },
      );
      const text = output.slice(0, paced.sent);
      const finishReason = paced.aborted ? 'abort' : count === limit ? 'length' : 'stop';
      return { ok: true, value: { text, finishReason, usage } };
    },
    async abort() {
      abortRequested = true;
    },
    async unload() {},
    async info() {
      return info;
    },
  };
}
