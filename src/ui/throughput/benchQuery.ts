/**
 * The bench page's URL options. Demo and test mode: `#/bench?engine=replay&tps=200` runs the
 * protocol on the synthetic replay engine (no model) decoding at `tps` tokens/s, prefilling at
 * `pp` tokens/s (default ten times `tps`). Anything else is the loaded WebLLM model.
 */
export type BenchEngineChoice =
  { engine: 'webllm' } | { engine: 'replay'; decodeTps: number; prefillTps: number | null };

const DEFAULT_REPLAY_TPS = 100;
const MAX_TPS = 100_000;

function speed(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 && n <= MAX_TPS ? n : null;
}

/** Reads the options from a location hash (`#/bench?engine=replay&tps=200`). Pure; never throws. */
export function parseBenchQuery(hash: string): BenchEngineChoice {
  const at = hash.indexOf('?');
  const params = new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
  if (params.get('engine') !== 'replay') return { engine: 'webllm' };
  return {
    engine: 'replay',
    decodeTps: speed(params.get('tps')) ?? DEFAULT_REPLAY_TPS,
    prefillTps: speed(params.get('pp')),
  };
}
