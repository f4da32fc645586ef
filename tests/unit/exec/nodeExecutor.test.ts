// The CLI's sandbox, for real: Pyodide in a permission-model child Node process. A loop times out
// and the next job still runs; exits, file writes and tampering with builtins end in verdicts that
// do not leak into the next job.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionOutcome, Executor } from '../../../src/core/execution/schema.ts';
import { createNodeExecutor } from '../../../src/exec/node/createNodeExecutor.ts';

let executor: Executor;

beforeAll(async () => {
  executor = await createNodeExecutor();
  await executor.ready();
}, 120_000);
afterAll(async () => {
  await executor?.dispose();
});

const SORT_TESTS = 'assert sort_pair([2, 1]) == [1, 2]\n';

function run(code: string, tests = SORT_TESTS, timeoutMs = 2000): Promise<ExecutionOutcome> {
  return executor.execute({
    solution: { code, choice: 'fence_entry_point', assembly: 'as_written' },
    spec: { tests },
    timeoutMs,
  });
}

const GOOD = 'def sort_pair(xs):\n    return sorted(xs)\n';

describe('the Node sandbox', { timeout: 60_000 }, () => {
  it('passes a right solution', async () => {
    expect((await run(GOOD)).status).toBe('passed');
  });

  it('times out an endless loop, and the next job still passes', async () => {
    const loop = await run('def sort_pair(xs):\n    while True:\n        pass\n', SORT_TESTS, 500);
    expect(loop.status).toBe('timeout');
    expect((await run(GOOD)).status).toBe('passed');
  });

  it('ends sys.exit in a verdict, not a dead run', async () => {
    const exited = await run('import sys\nsys.exit(0)\n');
    expect(exited.status).toBe('exited');
    expect((await run(GOOD)).status).toBe('passed');
  });

  it('a solution that replaces builtins.sorted does not change the next verdict', async () => {
    const tamper =
      'import builtins\nbuiltins.sorted = lambda xs: [1, 2]\ndef sort_pair(xs):\n    return xs\n';
    expect((await run(tamper)).status).not.toBe('passed');
    expect((await run(GOOD, 'assert sort_pair([3, 1, 2]) == [1, 2, 3]\n')).status).toBe('passed');
  });

  it('cannot write a file', async () => {
    const write = "import js\njs.require('fs').writeFileSync('/tmp/tabeval-pwned', 'x')\n" + GOOD;
    expect((await run(write)).status).toBe('runtime_error');
    expect(existsSync('/tmp/tabeval-pwned')).toBe(false);
  });
});
