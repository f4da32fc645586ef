import type { Engine, EngineResult, GenerationRequest, GenerationResult } from '../engine.ts';

/** Limits of one generation. */
export interface GenerationLimits {
  /** Stops the generation (the engine is asked to abort); the outcome is `stopped`. */
  signal?: AbortSignal;
  /** A generation running longer is aborted; the outcome is `timeout`. */
  timeoutMs?: number;
  /** How long to wait for an aborted generation to settle before giving up on it (default 5 s). */
  abortGraceMs?: number;
}

/** The engine's result, or why the generation was cut short. */
export type LimitedGeneration =
  | { kind: 'done'; result: EngineResult<GenerationResult> }
  | { kind: 'stopped' }
  | { kind: 'timeout'; afterMs: number };

/**
 * Runs one generation under a stop signal and a time limit: the one place that races an engine
 * against them (the runner and the throughput benchmark both use it). On stop or timeout the
 * engine is told to abort (on a time limit, just this generation when the engine can: see
 * `Engine.stopsEachBySignal`) and the aborted generation is given `abortGraceMs` to settle, so its
 * tokens cannot stream into the next request — but an engine that never answers cannot hang the
 * caller. Never rejects (an engine that rejects counts as a failed result).
 */
export async function generateWithLimits(
  engine: Engine,
  request: GenerationRequest,
  onToken: (delta: string) => void,
  limits: GenerationLimits = {},
): Promise<LimitedGeneration> {
  const { signal, timeoutMs } = limits;
  if (signal?.aborted) return { kind: 'stopped' };
  const cleanups: (() => void)[] = [];
  const contenders: Promise<LimitedGeneration>[] = [];
  // The listeners go on before the engine is called: an engine may stop the run from inside.
  if (signal) {
    contenders.push(
      new Promise((resolve) => {
        const onAbort = () => resolve({ kind: 'stopped' });
        signal.addEventListener('abort', onAbort, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', onAbort));
      }),
    );
  }
  if (timeoutMs !== undefined) {
    contenders.push(
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ kind: 'timeout', afterMs: timeoutMs }), timeoutMs);
        cleanups.push(() => clearTimeout(timer));
      }),
    );
  }
  // This generation's own stop: an engine that runs several at once stops just this one with it.
  const own = new AbortController();
  const generation = Promise.resolve()
    .then(() => engine.generate(request, onToken, own.signal))
    .then((result): LimitedGeneration => ({ kind: 'done', result }))
    .catch((error: unknown): LimitedGeneration => ({
      kind: 'done',
      result: {
        ok: false,
        error: {
          name: 'EngineFailed',
          message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        },
      },
    }));
  contenders.push(generation);
  try {
    const winner = await Promise.race(contenders);
    if (winner.kind !== 'done') {
      own.abort();
      // A time limit stops this generation only; without per-generation stops, the engine's one.
      if (winner.kind === 'stopped' || engine.stopsEachBySignal !== true) {
        await engine.abort().catch(() => undefined);
      }
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        generation,
        new Promise((resolve) => (graceTimer = setTimeout(resolve, limits.abortGraceMs ?? 5000))),
      ]);
      clearTimeout(graceTimer);
    }
    return winner;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}
