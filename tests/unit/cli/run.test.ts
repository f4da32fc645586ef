// `tabeval run` end to end: the built CLI in a child process against a local server speaking the
// chat-completions stream (tests/unit/helpers/chatServer.ts), its report, `tabeval compare`,
// the gates' exit codes, Ctrl-C and --resume.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseReportJson } from '../../../src/core/report/parseReportJson.ts';
import {
  lastUserMessage,
  sendJson,
  sendSse,
  startChatServer,
  streamAnswer,
  type ChatServer,
} from '../helpers/chatServer.ts';
import { tabeval, type CliResult } from './runCli.ts';

const CASES = 20;
const suite = {
  id: 'countdown',
  version: '1',
  description: 'case i expects "answer i"',
  system_prompt: 'Answer with the answer.',
  tools: [],
  cases: Array.from({ length: CASES }, (_, i) => ({
    id: `case-${String(i).padStart(2, '0')}`,
    category: i % 2 === 0 ? 'even' : 'odd',
    prompt: `case ${i}`,
    expected_keywords: [`answer ${i}`],
  })),
};

let dir: string;
let suiteFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-run-'));
  suiteFile = join(dir, 'countdown.json');
  await writeFile(suiteFile, JSON.stringify(suite));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let server: ChatServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/**
 * A llama.cpp-style server of model `qwen` answering `case i` with `answer i`, except the cases
 * `wrong` says (answered `no idea`); each answer after `delayMs`.
 */
async function modelServer(wrong: (i: number) => boolean = () => false, delayMs = 0): Promise<ChatServer> {
  server = await startChatServer(async (req, res) => {
    if (req.path === '/v1/models')
      return sendJson(res, 200, { object: 'list', data: [{ id: 'qwen', owned_by: 'llamacpp' }] });
    const i = Number(/case (\d+)/.exec(lastUserMessage(req.body))?.[1] ?? -1);
    const text = wrong(i) ? 'no idea' : `The answer is: answer ${i}`;
    await sendSse(res, streamAnswer(text, 'llamacpp'), { firstDelayMs: delayMs });
  });
  return server;
}

const chatRequests = (s: ChatServer) => s.requests.filter((r) => r.method === 'POST');

async function readReport(path: string) {
  const parsed = parseReportJson(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

const run = (s: ChatServer, out: string, ...extra: string[]) =>
  tabeval(['run', '--suite', suiteFile, '--base-url', s.baseUrl, '--model', 'qwen', '-o', out, ...extra]);

describe('tabeval run', () => {
  it('runs a suite against the server with concurrency, in suite order, to a valid report that compares', async () => {
    const s = await modelServer((i) => i === 3);
    const a = join(dir, 'a.json');
    const r = await run(s, a, '--concurrency', '4', '--temperature', '0.2', '--seed', '7');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('countdown 1');
    expect(r.stderr).not.toContain('\u001b['); // no progress bar when standard error is not a terminal
    const report = await readReport(a);
    expect(report.cases.map((c) => c.id)).toEqual(suite.cases.map((c) => c.id));
    expect(report.source).toEqual({ kind: 'endpoint', model: 'qwen', server: 'llama.cpp', origin: null });
    expect(report.params).toMatchObject({ temperature: 0.2, seed: 7, tool_call_mode: 'prompt' });
    expect(report.cases.filter((c) => !c.passed).map((c) => c.id)).toEqual(['case-03']);
    expect(report.cases[0]?.usage?.reported.decodeTps).toBe(200);
    expect(chatRequests(s)).toHaveLength(CASES);
    const body = chatRequests(s)[0]?.body as { model: string; seed: number; messages: { role: string }[] };
    expect(body.model).toBe('qwen');
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer with the answer.' });

    const b = join(dir, 'b.json');
    expect((await run(s, b, '--record-origin')).code).toBe(0);
    expect((await readReport(b)).source).toMatchObject({ origin: new URL(s.baseUrl).origin });
    const compared = await tabeval(['compare', a, b]);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toContain('McNemar');
    expect(compared.stdout).toContain('llama.cpp');
  });

  it('--json prints the report; -o - writes it to standard output', async () => {
    const s = await modelServer();
    const r = await run(s, '-');
    expect(r.code).toBe(0);
    const parsed = parseReportJson(r.stdout);
    expect(parsed.ok && parsed.value.summary.overall).toBe(1);
  });

  it('--min-score: exit 1 below it, with the reason; 0 at or above', async () => {
    const s = await modelServer((i) => i < 4);
    const low = await run(s, join(dir, 'min-low.json'), '--min-score', '0.9');
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/gate failed: overall 80\.0 % against --min-score 90\.0 %/);
    const high = await run(s, join(dir, 'min-high.json'), '--min-score', '80%');
    expect(high.code).toBe(0);
    expect(high.stderr).toContain('gate passed');
  });

  it('--baseline --max-drop: exit 1 only for a drop beyond it that McNemar finds significant', async () => {
    const good = await modelServer();
    const baseline = join(dir, 'baseline.json');
    expect((await run(good, baseline)).code).toBe(0);
    await good.close();

    // 8 of 20 cases flip to failing: a 40-point drop, p ≈ 0.008.
    const worse = await modelServer((i) => i < 8);
    const dropped = await run(worse, join(dir, 'dropped.json'), '--baseline', baseline, '--max-drop', '2');
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toMatch(/gate failed: .*40\.0 points.*McNemar p = .*significant at 0\.05/);
    await worse.close();

    // 2 flips: a 10-point drop, beyond 2 points but p = 0.5: not significant, so it passes.
    const slightly = await modelServer((i) => i < 2);
    const small = await run(slightly, join(dir, 'small.json'), '--baseline', baseline, '--max-drop', '2');
    expect(small.code, small.stderr).toBe(0);
    expect(small.stderr).toMatch(/not significant at 0\.05/);
    // The same drop within a 15-point allowance.
    const allowed = await run(
      slightly,
      join(dir, 'allowed.json'),
      '--baseline',
      baseline,
      '--max-drop',
      '15',
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/within 15 points/);
  });

  it('exit 3 when nothing answers, with the commands that start a server', async () => {
    const s = await startChatServer(() => {});
    const baseUrl = s.baseUrl;
    await s.close();
    const r = await tabeval([
      'run',
      '--suite',
      suiteFile,
      '--base-url',
      baseUrl,
      '--model',
      'qwen',
      '-o',
      join(dir, 'x.json'),
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('llama-server');
    expect(r.stderr).toContain('ollama serve');
  });

  it('exit 2 for bad usage, and an existing report is kept without --force', async () => {
    const s = await modelServer();
    const kept = join(dir, 'kept.json');
    await writeFile(kept, 'precious');
    const r = await run(s, kept);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(await readFile(kept, 'utf8')).toBe('precious');
    expect((await run(s, join(dir, 'y.json'), '--temperature', '9')).code).toBe(2);
    expect((await run(s, join(dir, 'y.json'), '--tool-call-mode', 'magic')).code).toBe(2);
    const key = await run(s, join(dir, 'y.json'), '--api-key', 'sk-1');
    expect(key.code).toBe(2);
    expect(key.stderr).toContain('TABEVAL_API_KEY');
  });

  it('the API key comes from the environment, goes to the server only, and is in no output', async () => {
    const s = await modelServer();
    const out = join(dir, 'keyed.json');
    process.env['TABEVAL_TEST_KEY'] = 'sk-env-7';
    try {
      const r = await run(s, out, '--api-key-env', 'TABEVAL_TEST_KEY', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(chatRequests(s).every((q) => q.headers['authorization'] === 'Bearer sk-env-7')).toBe(true);
      expect(r.stdout + r.stderr + (await readFile(out, 'utf8'))).not.toContain('sk-env-7');
    } finally {
      delete process.env['TABEVAL_TEST_KEY'];
    }
    const unset = await run(s, join(dir, 'unset.json'), '--api-key-env', 'TABEVAL_TEST_KEY');
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('not set');
  });

  it('--help documents the exit codes', async () => {
    const r = await tabeval(['run', '--help']);
    expect(r.code).toBe(0);
    for (const code of ['0 ', '1 ', '2 ', '3 ', '130 ']) expect(r.stdout).toContain(`\n  ${code}`);
  });
});

/** Starts the CLI and resolves when it exits; `onStart` gets the child to signal. */
function spawnTabeval(args: string[], whenRunning: (kill: () => void) => void): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist-cli/main.js', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    whenRunning(() => child.kill('SIGINT'));
  });
}

describe('tabeval run: Ctrl-C and --resume', () => {
  it('Ctrl-C writes the partial report and exits 130; --resume runs only the rest', async () => {
    const s = await modelServer(() => false, 40);
    const out = join(dir, 'partial.json');
    const args = ['run', '--suite', suiteFile, '--base-url', s.baseUrl, '--model', 'qwen', '-o', out];
    const stopped = await spawnTabeval(args, (kill) => {
      const poll = setInterval(() => {
        if (chatRequests(s).length >= 5) {
          clearInterval(poll);
          kill();
        }
      }, 5);
    });
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain(`--resume ${out}`);
    const partial = await readReport(out);
    const reached = partial.cases.length;
    expect(reached).toBeGreaterThanOrEqual(4);
    expect(reached).toBeLessThan(CASES);
    expect(partial.cases.map((c) => c.id)).toEqual(suite.cases.slice(0, reached).map((c) => c.id));

    const before = chatRequests(s).length;
    const resumed = await tabeval(['run', '--resume', out, '--base-url', s.baseUrl, '--model', 'qwen']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const asked = chatRequests(s)
      .slice(before)
      .map((r) => lastUserMessage(r.body));
    expect(asked).toEqual(suite.cases.slice(reached).map((c) => c.prompt));
    const full = await readReport(out);
    expect(full.cases.map((c) => c.id)).toEqual(suite.cases.map((c) => c.id));
    expect(full.summary.overall).toBe(1);
  });

  it('a server that goes away mid-run: stop, keep what ran, exit 3, --resume finishes on a new server', async () => {
    const s = await modelServer();
    let answered = 0;
    const dying = await startChatServer(async (req, res) => {
      if (req.path === '/v1/models') return sendJson(res, 200, { object: 'list', data: [{ id: 'qwen' }] });
      answered += 1;
      if (answered === 6) {
        // The server dies: this request and every later one find nothing.
        res.socket?.destroy();
        await dying.close();
        return;
      }
      await sendSse(
        res,
        streamAnswer(`answer ${/case (\d+)/.exec(lastUserMessage(req.body))?.[1]}`, 'llamacpp'),
      );
    });
    const out = join(dir, 'gone.json');
    const r = await tabeval([
      'run',
      '--suite',
      suiteFile,
      '--base-url',
      dying.baseUrl,
      '--model',
      'qwen',
      '-o',
      out,
    ]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/stopped answering|closed the stream/);
    expect(r.stderr).toContain(`--resume ${out}`);
    const partial = await readReport(out);
    expect(partial.cases.length).toBeLessThan(CASES);
    expect(partial.cases.slice(0, 5).every((c) => c.passed)).toBe(true);

    const resumed = await tabeval(['run', '--resume', out, '--base-url', s.baseUrl, '--model', 'qwen']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await readReport(out)).summary.overall).toBe(1);
  });

  it('--resume refuses another model or other parameters', async () => {
    const s = await modelServer();
    const out = join(dir, 'r.json');
    expect((await run(s, out)).code).toBe(0);
    const other = await tabeval(['run', '--resume', out, '--base-url', s.baseUrl, '--model', 'other']);
    expect(other.code).toBe(2);
    const params = await tabeval([
      'run',
      '--resume',
      out,
      '--base-url',
      s.baseUrl,
      '--model',
      'qwen',
      '--seed',
      '3',
    ]);
    expect(params.code).toBe(2);
  });
});
