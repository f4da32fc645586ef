// Where model files come from, for the Content-Security-Policy of the built page (vite.config.ts)
// and for the custom-model checks.
//
// WebLLM fetches mlc-chat-config.json, tokenizer.json, tensor-cache.json and the weight shards
// from huggingface.co; the shards answer with redirects to HF's CDNs (cdn-lfs*.hf.co,
// cas-bridge.xethub.hf.co, legacy cdn-lfs.huggingface.co), and every redirect hop is checked
// against connect-src. The compiled model libraries (.wasm) come from raw.githubusercontent.com.
//
// What the page CSP does and does not cover (verified in Chromium 156): a dedicated worker
// loaded from a same-origin URL is governed by the CSP sent with its own script response, not by
// the page's <meta> policy. So the allow-list is enforced in the worker's code (hostPolicy.ts:
// catalog hosts, the own origin, and hosts the user confirmed by name), and `npm start` sends the
// worker a policy of its own (src/exec/browser/siteHeaders.ts).

/** connect-src sources for the catalog's model hosts (CSP source-expression syntax). */
export const MODEL_HOST_SOURCES: readonly string[] = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
];

/** True when `url` matches one of `sources` (host wildcards as in CSP: "*." = any subdomain). */
export function matchesHostSources(url: string, sources: readonly string[] = MODEL_HOST_SOURCES): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return sources.some((source) => {
    const [scheme, rest] = source.split('://');
    if (scheme === undefined || rest === undefined || `${scheme}:` !== parsed.protocol) return false;
    if (rest.startsWith('*.')) return parsed.hostname.endsWith(rest.slice(1));
    return parsed.hostname === rest;
  });
}
