import { encodeQueryValue } from './linkFragment.ts';
import { RUN_LINK_VERSION, type RunSpec } from './runSpec.ts';

/** A number as text that `Number()` turns back into the same number, including −0. */
export function formatLinkNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * The URL fragment of a run link (`#/run?v=1&suite=…`): readable query parameters, one per field,
 * in a fixed order. Append it to the site's address. Pass a checked spec: nothing is validated
 * here (see `makeRunLink`). `decodeRunLink` gives the same spec back. Pure; never throws.
 */
export function encodeRunLink(spec: RunSpec): string {
  const pairs: [string, string][] = [['v', RUN_LINK_VERSION]];
  if (spec.suite.kind === 'bundled') {
    pairs.push(['suite', spec.suite.id], ['suite_version', spec.suite.version]);
  } else {
    pairs.push(['suite_url', spec.suite.url]);
  }
  pairs.push(['suite_hash', spec.suite.hash], ['model', spec.model.modelId]);
  if (spec.model.kind === 'custom') {
    pairs.push(['model_url', spec.model.modelUrl], ['model_lib_url', spec.model.modelLibUrl]);
  }
  const p = spec.params;
  pairs.push(
    ['temperature', formatLinkNumber(p.temperature)],
    ['top_p', formatLinkNumber(p.top_p)],
    ['max_tokens', formatLinkNumber(p.max_tokens)],
    ['seed', formatLinkNumber(p.seed)],
    ['tool_call_mode', p.tool_call_mode],
  );
  if (p.samples !== 1) pairs.push(['samples', formatLinkNumber(p.samples)]);
  return `#/run?${pairs.map(([key, value]) => `${key}=${encodeQueryValue(value)}`).join('&')}`;
}
