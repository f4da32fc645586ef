import { describe, expect, it } from 'vitest';
import {
  PYTHON_WORKER_CSP,
  siteHeadersFor,
  WEBLLM_WORKER_CSP,
} from '../../../src/exec/browser/siteHeaders.ts';

describe('siteHeadersFor', () => {
  it('isolates every response and gives each worker script its own policy', () => {
    for (const path of ['/', '/index.html', '/assets/index-abc.js', '/pyodide/314.0.7/pyodide.asm.wasm']) {
      const headers = siteHeadersFor(path);
      expect(headers['Cross-Origin-Opener-Policy'], path).toBe('same-origin');
      expect(headers['Cross-Origin-Embedder-Policy'], path).toBe('require-corp');
      expect(headers['Content-Security-Policy'], path).toBeUndefined();
    }
    expect(siteHeadersFor('/assets/pythonWorker-CCUwqwP-.js')['Content-Security-Policy']).toBe(
      PYTHON_WORKER_CSP,
    );
    expect(siteHeadersFor('/src/exec/browser/pythonWorker.ts')['Content-Security-Policy']).toBe(
      PYTHON_WORKER_CSP,
    );
    expect(siteHeadersFor('/assets/worker-BbqNjgYa.js')['Content-Security-Policy']).toBe(WEBLLM_WORKER_CSP);
    expect(siteHeadersFor('/src/engines/webllm/worker.ts')['Content-Security-Policy']).toBe(
      WEBLLM_WORKER_CSP,
    );
    // The Python worker may not reach any other host; the WebLLM worker never runs eval.
    expect(PYTHON_WORKER_CSP).toContain("connect-src 'self'");
    expect(PYTHON_WORKER_CSP).not.toContain('https:');
    expect(WEBLLM_WORKER_CSP).not.toContain("'unsafe-eval'");
  });
});
