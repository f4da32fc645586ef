import type {
  Engine,
  EngineInfo,
  EngineResult,
  FinishReason,
  GenerationResult,
  GenerationUsage,
  LoadTiming,
} from '../../core/engine.ts';
import type { ReportSource } from '../../core/report/schema.ts';
import { caseKey } from '../../core/run/caseKey.ts';
import { streamPaced } from './streamPaced.ts';

/** A recorded output to re-serve. */
export interface RecordedOutput {
  output: string | null;
  usage?: GenerationUsage | null;
  finishReason?: FinishReason | null;
}

/** How a replay streams: all at once, at each output's recorded decode speed, or at a fixed speed. */
export type ReplayPace = 'instant' | 'recorded' | { tokensPerSecond: number };

export interface ReplayOptions {
  /** Default: all at once. Tokens are approximated as 4 characters. */
  pace?: ReplayPace;
  /** Timer and clock used for pacing; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** The source the outputs came from (the recorded report's), reported by `info()`. */
  source?: ReportSource | null;
  load?: LoadTiming | null;
}

/**
 * An Engine that re-serves recorded outputs, keyed by case id and sample (`caseKey`), so old runs
 * are re-scored through the same runner with today's parser and scorers. Two cases with the same
 * prompt each get their own output. A record with nothing recorded fails with `no output`.
 */
export function createReplayEngine(
  recorded: ReadonlyMap<string, RecordedOutput>,
  options: ReplayOptions = {},
): Engine {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => performance.now());
  let abortRequested = false;
  const info: EngineInfo = {
    kind: 'replay',
    version: '2',
    source: options.source ?? null,
    load: options.load ?? null,
    contextWindow: null,
  };

  return {
    async load() {
      return { ok: true, value: info };
    },
    async generate(request, onToken): Promise<EngineResult<GenerationResult>> {
      abortRequested = false;
      const r = recorded.get(caseKey(request.caseId, request.sample));
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

function tokensPerSecond(pace: ReplayPace, r: RecordedOutput): number | null {
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
