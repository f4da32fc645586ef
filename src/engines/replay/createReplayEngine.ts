import type {
  Engine,
  EngineInfo,
  EngineMessage,
  EngineResult,
  GenerationResult,
  GenerationUsage,
  FinishReason,
} from '../../core/engine.ts';
import type { Suite } from '../../core/suite/types.ts';
import { buildMessages } from '../../core/suite/buildMessages.ts';
import { streamPaced } from './streamPaced.ts';

/** A recorded output to re-serve. */
export interface RecordedOutput {
  output: string | null;
  usage?: GenerationUsage | null;
  finishReason?: FinishReason | null;
}

export interface ReplayOptions {
  /**
   * Stream at the recorded decode speed (tokens approximated as 4 characters), or at a fixed
   * tokens/s; default: all at once.
   */
  pace?: 'instant' | 'recorded' | { tokensPerSecond: number };
  /** Timer and clock used for pacing; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Recorded model and engine identity, reported by `info()`. */
  info?: Partial<EngineInfo>;
}

/**
 * An Engine that re-serves recorded outputs, keyed by the exact messages each case of `suite`
 * produces, so old runs are re-scored through the same runner with today's parser and scorers.
 * A case with nothing recorded fails with `no output`.
 */
export function createReplayEngine(
  suite: Suite,
  recorded: ReadonlyMap<string, RecordedOutput>,
  options: ReplayOptions = {},
): Engine {
  const byPrompt = new Map<string, RecordedOutput>();
  for (const c of suite.cases) {
    const r = recorded.get(c.id);
    if (r) byPrompt.set(messagesKey(buildMessages(suite, c)), r);
  }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => performance.now());
  let abortRequested = false;
  const info: EngineInfo = {
    engine: 'replay',
    engineVersion: '1',
    modelId: null,
    modelUrl: null,
    modelLibUrl: null,
    load: null,
    ...options.info,
  };

  return {
    async load() {
      return { ok: true, value: info };
    },
    async generate(messages, _params, onToken): Promise<EngineResult<GenerationResult>> {
      abortRequested = false;
      const r = byPrompt.get(messagesKey(messages));
      if (!r || r.output === null) {
        return { ok: false, error: { name: 'NoOutput', message: 'no output' } };
      }
      const text = r.output;
      const tps = tokensPerSecond(options.pace ?? 'instant', r);
      if (tps === null) {
        if (text) onToken(text);
      } else {
        const paced = await streamPaced(text, tps, onToken, { sleep, now }, () => abortRequested);
        if (paced.aborted) {
          return {
            ok: true,
            value: { text: text.slice(0, paced.sent), finishReason: 'abort', usage: usageOf(r) },
          };
        }
      }
      return { ok: true, value: { text, finishReason: r.finishReason ?? 'stop', usage: usageOf(r) } };
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

function messagesKey(messages: EngineMessage[]): string {
  return JSON.stringify(messages.map((m) => [m.role, m.content]));
}

function tokensPerSecond(pace: NonNullable<ReplayOptions['pace']>, r: RecordedOutput): number | null {
  if (pace === 'instant') return null;
  if (pace === 'recorded') {
    const tps = r.usage?.measured.decodeTps ?? r.usage?.reported.decodeTps ?? null;
    return tps !== null && tps > 0 ? tps : null;
  }
  return pace.tokensPerSecond > 0 ? pace.tokensPerSecond : null;
}

const NO_FIGURES = {
  promptTokens: null,
  completionTokens: null,
  ttftMs: null,
  prefillTps: null,
  decodeTps: null,
  e2eMs: null,
};

function usageOf(r: RecordedOutput): GenerationUsage {
  return r.usage ?? { reported: { ...NO_FIGURES }, measured: { ...NO_FIGURES } };
}
