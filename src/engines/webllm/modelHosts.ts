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
// the page's <meta> policy. A static host cannot attach headers to a meta tag, so the worker,
// where WebLLM's downloads run, is not restricted by this list; the page is. A custom model URL
// therefore cannot be "allowed" at runtime and does not need to be: it is validated in code
// (absolute http(s) URL, MLC folder probed) and the UI says which host it will download from.
// Hosts that can send headers should serve the worker chunk with the same policy plus the
// custom hosts they want to permit.

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
