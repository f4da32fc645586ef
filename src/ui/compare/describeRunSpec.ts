import type { GenerationParams, ModelRef } from '../../core/engine.ts';
import { formatLinkNumber } from '../../core/link/encodeRunLink.ts';
import type { RunLinkParams, RunSpec } from '../../core/link/runSpec.ts';

/** One labelled line of what a run link will run. */
export interface SpecFact {
  label: string;
  value: string;
  /** For tests and styling: `suite`, `suite-hash`, `model`, `param-temperature`, … */
  key: string;
}

const PARAM_KEYS = ['temperature', 'top_p', 'max_tokens', 'seed', 'tool_call_mode', 'samples'] as const;

function paramText(params: RunLinkParams, key: (typeof PARAM_KEYS)[number]): string {
  const value = params[key];
  return typeof value === 'number' ? formatLinkNumber(value) : value;
}

/** Everything a run spec pins, as plain text lines (shown as text, never as HTML). */
export function describeRunSpec(spec: RunSpec): SpecFact[] {
  const facts: SpecFact[] =
    spec.suite.kind === 'bundled'
      ? [
          {
            key: 'suite',
            label: 'Suite',
            value: `${spec.suite.id} version ${spec.suite.version} (bundled with this site)`,
          },
        ]
      : [{ key: 'suite', label: 'Suite', value: `the suite file at ${spec.suite.url}` }];
  facts.push({ key: 'suite-hash', label: 'Suite hash (SHA-256)', value: spec.suite.hash });
  if (spec.model.kind === 'catalog') {
    facts.push({ key: 'model', label: 'Model', value: `${spec.model.modelId} (catalog build)` });
  } else {
    facts.push(
      { key: 'model', label: 'Model', value: `${spec.model.modelId} (custom MLC build)` },
      { key: 'model-url', label: 'Weights', value: spec.model.modelUrl },
      { key: 'model-lib-url', label: 'WebGPU library', value: spec.model.modelLibUrl },
    );
  }
  for (const key of PARAM_KEYS) {
    facts.push({ key: `param-${key}`, label: key, value: paramText(spec.params, key) });
  }
  return facts;
}

/** The parameters on the page that differ from the link's: `temperature 0 → 0.7`. */
export function changedParams(spec: RunSpec, params: GenerationParams): string[] {
  const now = { ...spec.params, ...params };
  return PARAM_KEYS.filter((key) => now[key] !== spec.params[key]).map(
    (key) => `${key} ${paramText(spec.params, key)} → ${String(now[key])}`,
  );
}

/** Whether two model references load the same build. */
export function sameModel(a: ModelRef, b: ModelRef): boolean {
  if (a.engine === 'endpoint' || b.engine === 'endpoint') {
    return (
      a.engine === 'endpoint' && b.engine === 'endpoint' && a.baseUrl === b.baseUrl && a.model === b.model
    );
  }
  if (a.kind === 'catalog' || b.kind === 'catalog') return a.kind === b.kind && a.modelId === b.modelId;
  return a.modelId === b.modelId && a.modelUrl === b.modelUrl && a.modelLibUrl === b.modelLibUrl;
}

/** Only the parameters a run link pins (the page's params may hold more). */
export function linkParams(params: GenerationParams): RunLinkParams {
  return {
    temperature: params.temperature,
    top_p: params.top_p,
    max_tokens: params.max_tokens,
    seed: params.seed,
    tool_call_mode: params.tool_call_mode,
    samples: params.samples,
  };
}
