// The response headers the site needs, in one place: the dev server and `vite preview` send them
// (vite.config.ts), and the README lists them for static hosts.

/**
 * Cross-origin isolation, on every response. It enables SharedArrayBuffer, which the Python
 * sandbox uses to interrupt a runaway loop within milliseconds. `require-corp` keeps WebLLM's model
 * downloads working: they are CORS fetches, and a CORS response satisfies COEP.
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The Python worker's own Content-Security-Policy (a worker takes its policy from its script's
 * response): its own scripts and WebAssembly only, network only to the site itself.
 */
export const PYTHON_WORKER_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/** The Python worker's script, built (`assets/pythonWorker-<hash>.js`) or in dev (`pythonWorker.ts`). */
export const PYTHON_WORKER_SCRIPT = /\/pythonWorker(?:-[\w-]+)?\.(?:js|ts)$/;

/**
 * The WebLLM worker's own policy: its own scripts and WebAssembly, no workers or frames of its
 * own, and network to the site, any https host and a local http server. Not narrower, because a
 * model on a host the user confirmed by name must still download; the host allow-list itself is
 * enforced in the worker's code before any request (src/engines/webllm/hostPolicy.ts).
 */
export const WEBLLM_WORKER_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; " +
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*";

/** The WebLLM worker's script, built (`assets/worker-<hash>.js`) or in dev (`engines/webllm/worker.ts`). */
export const WEBLLM_WORKER_SCRIPT = /(?:\/assets\/worker-[\w-]+\.js|\/src\/engines\/webllm\/worker\.ts)$/;

/** Where Pyodide's runtime files are served, relative to the site's root. */
export const PYODIDE_FOLDER = 'pyodide/314.0.7/';

/** Pyodide's runtime files that `loadPyodide` fetches by name from its `indexURL`. */
export const PYODIDE_RUNTIME_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
  'pyodide.mjs',
] as const;

/** The headers of one response, by its URL path. */
export function siteHeadersFor(pathname: string): Record<string, string> {
  if (PYTHON_WORKER_SCRIPT.test(pathname)) {
    return { ...CROSS_ORIGIN_ISOLATION_HEADERS, 'Content-Security-Policy': PYTHON_WORKER_CSP };
  }
  if (WEBLLM_WORKER_SCRIPT.test(pathname)) {
    return { ...CROSS_ORIGIN_ISOLATION_HEADERS, 'Content-Security-Policy': WEBLLM_WORKER_CSP };
  }
  return { ...CROSS_ORIGIN_ISOLATION_HEADERS };
}
