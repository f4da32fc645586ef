// The layer rule must fail on every way of reaching an upper layer or a forbidden package, and stay
// quiet on the imports a layer may use. Linted as virtual files at real paths under src/.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'tabeval/layers').map((m) => m.message);
}

describe('the layer lint rule', () => {
  it.each([
    ["import { router } from '../ui/router.svelte.ts';", 'src/core/x.ts'],
    ["import { router } from '../../ui/router.svelte.ts';", 'src/core/report/x.ts'],
    ["import { router } from './../../ui/router.svelte.ts';", 'src/core/report/x.ts'],
    ["export { runsDb } from '../../storage/runsDb.ts';", 'src/core/run/x.ts'],
    ["import type { Engine } from '../../engines/webllm/client.ts';", 'src/core/run/x.ts'],
    ["const m = await import('../../cli/io.ts');", 'src/core/run/x.ts'],
    ["import { wrap } from 'comlink';", 'src/core/x.ts'],
    ["import { openDB } from 'idb';", 'src/core/x.ts'],
    ["import { readFile } from 'node:fs/promises';", 'src/core/x.ts'],
    ["import { readFile } from 'fs';", 'src/core/x.ts'],
    ["import type { ChatCompletionChunk } from '@mlc-ai/web-llm';", 'src/core/x.ts'],
    ["import { mount } from 'svelte';", 'src/core/x.ts'],
    ["import { x } from '../../../package.json';", 'src/core/report/x.ts'],
    ["import { runController } from '../../ui/runs/x.ts';", 'src/engines/webllm/x.ts'],
    ["import { parseArgs } from 'node:util';", 'src/ui/x.ts'],
    ["import { main } from '../cli/main.ts';", 'src/ui/x.ts'],
    ["import { openDB } from 'idb';", 'src/ui/throughput/x.ts'],
    ["const w = new URL('../../ui/x.ts', import.meta.url);", 'src/engines/x/y.ts'],
  ])('rejects %s in %s', async (code, file) => {
    expect(await layerErrors(code, file)).toHaveLength(1);
  });

  it.each([
    ["import { parseToolCalls } from '../parser/index.ts';", 'src/core/scoring/x.ts'],
    ["import * as v from 'valibot';", 'src/core/report/x.ts'],
    ["import type { Engine } from '../../core/engine.ts';", 'src/engines/webllm/x.ts'],
    ["import { wrap } from 'comlink';", 'src/engines/webllm/x.ts'],
    ["import { openDB } from 'idb';", 'src/storage/x.ts'],
    ["import { mount } from 'svelte';", 'src/main.ts'],
    ["import { runSuite } from '../../core/run/runSuite.ts';", 'src/cli/commands/x.ts'],
    ["import { readFile } from 'node:fs/promises';", 'src/cli/x.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await layerErrors(code, file)).toEqual([]);
  });

  it('says which layer may not reach which, and what it may use', async () => {
    expect(await layerErrors("import { x } from '../../ui/a.ts';", 'src/core/run/x.ts')).toEqual([
      "src/core may not import from src/ui ('../../ui/a.ts'); core may use: core.",
    ]);
  });
});
