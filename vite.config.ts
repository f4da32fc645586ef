import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Connect } from 'vite';
import { MODEL_HOST_SOURCES } from './src/engines/webllm/modelHosts.ts';
import { LOCAL_SERVER_SOURCES } from './src/engines/endpoint/localServers.ts';
import { PYODIDE_FOLDER, PYODIDE_RUNTIME_FILES, siteHeadersFor } from './src/exec/browser/siteHeaders.ts';

// The built page's Content-Security-Policy (a <meta> tag: static hosts cannot be relied on for
// headers). Own scripts and workers only, WebAssembly allowed, network to the own origin, the
// catalog's model hosts and OpenAI-compatible servers on this machine (localhost, 127.0.0.1). The meta policy governs the page, not the WebLLM worker (a same-origin
// worker takes its policy from its own response headers): see src/engines/webllm/modelHosts.ts.
// Build only: the dev server injects styles for hot reloading.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  `connect-src 'self' ${[...MODEL_HOST_SOURCES, ...LOCAL_SERVER_SOURCES].join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'tabeval:csp',
    apply: 'build',
    transformIndexHtml(html) {
      // Right after the charset, before any script or stylesheet.
      if (!html.includes(charset)) throw new Error(`index.html has no ${charset}: cannot place the CSP`);
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace(charset, `${charset}\n    ${meta}`);
    },
  };
}

// The CLI build (`vite build --ssr src/cli/main.ts`) also emits the Python child the Node executor
// forks: dist-cli/pythonChild.js, beside main.js (see src/exec/node/createNodeExecutor.ts).
function cliPythonChild(): Plugin {
  return {
    name: 'tabeval:cli-python-child',
    apply: (_config, env) => env.command === 'build' && env.isSsrBuild === true,
    options(options) {
      const input = options.input;
      const cli =
        typeof input === 'string' ? input : Array.isArray(input) && input.length === 1 ? input[0] : undefined;
      if (cli === undefined || !cli.replaceAll('\\', '/').endsWith('src/cli/main.ts')) return null;
      return { ...options, input: { main: cli, pythonChild: 'src/exec/node/pythonChild.ts' } };
    },
  };
}

// Pyodide's runtime files, unhashed, in the site's versioned folder (dist/pyodide/314.0.7/ on build,
// served from node_modules in dev), and the site's headers on every response of the dev server and
// `vite preview`: cross-origin isolation everywhere, the Python worker's own CSP on its script.
function pythonSandbox(): Plugin {
  const pyodideDir = path.dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
  const files = new Set<string>(PYODIDE_RUNTIME_FILES);
  const headers: Connect.NextHandleFunction = (req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    for (const [name, value] of Object.entries(siteHeadersFor(pathname))) res.setHeader(name, value);
    next();
  };
  const serveRuntime: Connect.NextHandleFunction = (req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const prefix = `/${PYODIDE_FOLDER}`;
    const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
    if (!files.has(name)) return next();
    const type = name.endsWith('.wasm')
      ? 'application/wasm'
      : name.endsWith('.mjs')
        ? 'text/javascript'
        : name.endsWith('.json')
          ? 'application/json'
          : 'application/zip';
    res.setHeader('Content-Type', type);
    res.end(readFileSync(path.join(pyodideDir, name)));
  };
  return {
    name: 'tabeval:python-sandbox',
    configureServer(server) {
      server.middlewares.use(headers);
      server.middlewares.use(serveRuntime);
    },
    configurePreviewServer(server) {
      server.middlewares.use(headers);
    },
    generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      for (const name of files) {
        this.emitFile({
          type: 'asset',
          fileName: `${PYODIDE_FOLDER}${name}`,
          source: readFileSync(path.join(pyodideDir, name)),
        });
      }
    },
  };
}

// base './' keeps every asset URL relative, so dist/ works from any static host and sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte(), svelteTesting(), contentSecurityPolicy(), cliPythonChild(), pythonSandbox()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['pyodide'] },
  build: {
    target: 'es2022',
    sourcemap: false,
    // exec-harness.html: a bare page with the Python sandbox, for the browser tests and the bench.
    rollupOptions: { input: { main: 'index.html', execHarness: 'exec-harness.html' } },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/globalSetup.ts'],
    environment: 'node',
    // Limits against a hang, not speed checks: a CLI child process or an ESLint run can take over
    // the default 5 s on a loaded 2-core machine.
    testTimeout: 20_000,
  },
});
