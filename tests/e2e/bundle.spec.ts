// Reads the built site from disk (run after `vite build`): the entry chunk stays small and free of
// WebLLM, which ships only in the worker chunk; index.html has the CSP and no inline script.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const dist = new URL('../../dist/', import.meta.url);
const built = existsSync(new URL('index.html', dist));
const ENTRY_LIMIT_GZIP = 150 * 1024;
// Strings only WebLLM's own code contains (the tvmjs runtime and MLCEngine), not our catalog.
const WEBLLM_MARKERS = [
  'TVMFFIWasmFunctionDeleter',
  'Cannot find model record in appConfig',
  'registerInitProgressCallback',
];

function read(path: string): string {
  return readFileSync(new URL(path, dist), 'utf8');
}

test.describe('built bundle', () => {
  test.skip(!built, 'dist/ is missing: run `npx vite build` first');

  test('the entry chunk has no WebLLM code and is at most 150 KB gzip; WebLLM is in the worker chunk', () => {
    const html = read('index.html');
    const entry = /<script type="module"[^>]*\ssrc="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'entry script in index.html').toBeDefined();
    const code = read(entry ?? '');
    const gzip = gzipSync(code).length;
    test.info().annotations.push({ type: 'entry gzip bytes', description: String(gzip) });
    expect(gzip).toBeLessThanOrEqual(ENTRY_LIMIT_GZIP);
    for (const marker of WEBLLM_MARKERS) expect(code, marker).not.toContain(marker);

    const workerFile = /new URL\(`([^`]*worker[^`]*\.js)`/.exec(code)?.[1];
    expect(workerFile, 'worker URL in the entry chunk').toBeDefined();
    const worker = read(`assets/${workerFile ?? ''}`);
    for (const marker of WEBLLM_MARKERS) expect(worker, marker).toContain(marker);
    test.info().annotations.push({ type: 'worker gzip bytes', description: String(gzipSync(worker).length) });

    // No other chunk carries a second copy of WebLLM.
    const others = readdirSync(new URL('assets/', dist)).filter((f) => f.endsWith('.js') && f !== workerFile);
    for (const file of others) {
      expect(read(`assets/${file}`), file).not.toContain(WEBLLM_MARKERS[0]);
    }
  });

  test('index.html carries the CSP and no inline script', () => {
    const html = read('index.html');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      'connect-src',
      'https://huggingface.co',
      'https://*.hf.co',
      'https://raw.githubusercontent.com',
    ]) {
      expect(csp, directive).toContain(directive);
    }
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toContain('src=');
      expect(body.trim()).toBe('');
    }
  });
});
