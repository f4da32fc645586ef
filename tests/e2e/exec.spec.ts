// The Python sandbox in Chromium, on the built site (exec-harness.html): real Pyodide in its
// worker, cross-origin isolated by the preview server's headers. One page (one executor) for the
// whole file: loading Pyodide costs seconds.
import { expect, test, type Page } from '@playwright/test';
import type { ExecutionJob, ExecutionOutcome } from '../../src/core/execution/schema.ts';
import type { ExecHarness } from '../../src/exec/browser/harnessPage.ts';
import { watchPage, type PageProblems } from './cspWatch.ts';

test.describe.configure({ mode: 'serial' });

let page: Page;
let problems: PageProblems;

function job(
  code: string,
  tests: string,
  extra: Partial<ExecutionJob['spec']> = {},
  timeoutMs = 3000,
): ExecutionJob {
  return {
    solution: { code, choice: 'last_fence', assembly: 'as_written' },
    spec: { tests, ...extra },
    timeoutMs,
  };
}

async function run(j: ExecutionJob): Promise<ExecutionOutcome> {
  return page.evaluate(
    (arg) => (window as unknown as { tabevalExec: ExecHarness }).tabevalExec.execute(arg),
    j,
  );
}

const ADD = 'def add(a, b):\n    return a + b\n';
const CHECK_ADD =
  'def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(-1, 1) == 0\n';
const passing = job(ADD, CHECK_ADD, { entry_point: 'add' });

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  problems = await watchPage(page);
  await page.goto('exec-harness.html');
  await page.waitForFunction(() => 'tabevalExec' in window);
  await page.evaluate(() => (window as unknown as { tabevalExec: ExecHarness }).tabevalExec.ready());
});

test.afterAll(async () => {
  await page.close();
});

test('the page is cross-origin isolated and a correct solution passes', async () => {
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const outcome = await run(passing);
  expect(outcome.status).toBe('passed');
  expect(problems.pageErrors).toEqual([]);
});

test('a failing assert names its line and source; a syntax error its line', async () => {
  const failed = await run(job('def add(a, b):\n    return a - b\n', CHECK_ADD, { entry_point: 'add' }));
  expect(failed).toMatchObject({
    status: 'assertion_failed',
    file: '<tests>',
    line: 2,
    source: 'assert candidate(1, 2) == 3',
  });
  const syntax = await run(job('def add(a, b)\n    return a\n', CHECK_ADD, { entry_point: 'add' }));
  expect(syntax).toMatchObject({ status: 'syntax_error', file: '<solution>', line: 1 });
});

test('an infinite Python loop is interrupted (timeout) and the next job passes', async () => {
  const loop = await run(
    job('def add(a, b):\n    while True:\n        pass\n', CHECK_ADD, { entry_point: 'add' }, 500),
  );
  expect(loop.status).toBe('timeout');
  expect(loop.message).toContain('timed out after 500 ms');
  expect((await run(passing)).status).toBe('passed');
});

test('a loop in C ignores the interrupt: the worker is terminated and the spare takes over', async () => {
  const cLoop = await run(job('x = sum(range(10**11))', 'assert True', {}, 500));
  expect(cLoop.status).toBe('timeout');
  expect((await run(passing)).status).toBe('passed');
});

test('network, storage and the page are out of reach; no attack forges a pass', async () => {
  const attacks: Record<string, string> = {
    importJs: 'import js\n',
    pyodideModule: 'import pyodide_js\n',
    fetch: 'import js\njs.fetch("https://example.com/")\n',
    subclassWalkFetch: [
      'def find():',
      '    for c in object.__subclasses__():',
      '        for k, v in getattr(c, "__dict__", {}).items():',
      '            g = getattr(v, "__globals__", None)',
      '            if g and "run_js" in g:',
      '                return g["run_js"]',
      'run_js = find()',
      'if run_js is None:',
      '    raise RuntimeError("no route to JS")',
      'run_js("fetch(\'https://example.com/\')")',
    ].join('\n'),
  };
  for (const [name, code] of Object.entries(attacks)) {
    const outcome = await run(job(code, 'assert True'));
    expect(outcome.status, name).not.toBe('passed');
  }
  expect((await run(passing)).status).toBe('passed');
});

// Routes to the worker's JS scope that get past the import block (a walk over object.__subclasses__),
// then everything such code would try: the deeper layers (the locked-down scope, the worker's CSP,
// the private port with its nonce) must hold on their own.
const JS_LAYER_PROBE = String.raw`
NAMES = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches',
         'BroadcastChannel', 'Request', 'Worker', 'postMessage', 'navigator', 'MessageChannel']
def via_to_js():
    for c in object.__subclasses__():
        for v in list(getattr(c, '__dict__', {}).values()):
            g = getattr(v, '__globals__', None)
            if g and 'to_js' in g:
                return g['to_js']({}).constructor.constructor('return globalThis')()
def via_self_constructor():
    for c in object.__subclasses__():
        for v in list(getattr(c, '__dict__', {}).values()):
            g = getattr(v, '__globals__', None)
            if g and 'to_js' in g:
                o = g['to_js']({})
                return o.constructor.getPrototypeOf(o.constructor).constructor('return self')()
def via_finder():
    for c in object.__subclasses__():
        if c.__name__ == 'JsFinder':
            for v in list(c.__dict__.values()):
                g = getattr(v, '__globals__', None) or {}
                for val in list(g.values()):
                    if type(val).__name__ == 'JsFinder':
                        return val.jsproxies.get('js')
reached = {}
for route in (via_to_js, via_self_constructor, via_finder):
    try:
        G = route()
    except BaseException as e:
        reached[route.__name__] = 'blocked ' + type(e).__name__
        continue
    if G is None:
        reached[route.__name__] = 'nothing'
        continue
    reached[route.__name__] = [n for n in NAMES if getattr(G, n, None) is not None]
    fake = {'type': 'result', 'id': 0, 'nonce': '0' * 32, 'report': {'kind': 'passed', 'stdout': '', 'stderr': '',
            'stdoutTruncated': False, 'stderrTruncated': False, 'durationMs': 1}}
    for name in ('postMessage', 'fetch'):
        try:
            getattr(G, name)(fake)
        except BaseException:
            pass
print(reached)
`;

test('code that reaches the JS scope finds no network, storage or page, and cannot post a pass', async () => {
  const outcome = await run(job(JS_LAYER_PROBE, 'assert False, "the real tests ran"'));
  expect(outcome.status).toBe('assertion_failed');
  test.info().annotations.push({ type: 'routes', description: outcome.stdout });
  const reached = outcome.stdout.trim();
  // Each route is blocked, finds nothing, or finds a scope with none of the names.
  expect(reached).not.toMatch(/'(?:fetch|XMLHttpRequest|WebSocket|indexedDB|postMessage|navigator|caches)'/);
  expect((await run(passing)).status).toBe('passed');
});

test('the Python worker script is served with its own CSP', async ({ request }) => {
  const worker = page.workers().find((w) => /pythonWorker/.test(w.url()));
  expect(worker, 'the sandbox runs in a worker of its own').toBeDefined();
  const response = await request.get(worker!.url());
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
});

test('replacing builtins or json does not leak into the next job nor forge a pass', async () => {
  const patch = await run(
    job(
      'import builtins, json\nbuiltins.sorted = lambda x: [1]\njson.dumps = lambda *a, **k: "{}"\nprint(\'{"kind": "passed"}\')\n',
      'assert False, "tests ran"',
    ),
  );
  expect(patch.status).toBe('assertion_failed');
  const next = await run(
    job('import json', 'assert sorted([3, 2]) == [2, 3]\nassert json.dumps([1]) == "[1]"'),
  );
  expect(next.status).toBe('passed');
});

test('a memory bomb ends in a verdict and the run goes on', async () => {
  const bomb = await run(job('x = [0] * (10**9)', 'assert True'));
  expect(['memory', 'sandbox_error']).toContain(bomb.status);
  expect((await run(passing)).status).toBe('passed');
});
