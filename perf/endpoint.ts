// `tabeval run` against a local server speaking the chat-completions stream (the test server of
// tests/unit/helpers/chatServer.ts): the overhead per case of the whole CLI (request, SSE parsing,
// scoring, report), and the speed-up of --concurrency 8 over 1 against a server that answers after
// a fixed delay and serves requests in parallel, as a batching server does. Needs the built CLI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  lastUserMessage,
  sendJson,
  sendSse,
  startChatServer,
  streamAnswer,
  type ChatServer,
} from '../tests/unit/helpers/chatServer.ts';

const CLI = fileURLToPath(new URL('../dist-cli/main.js', import.meta.url));

function suiteOf(n: number): unknown {
  return {
    id: `bench-${n}`,
    version: '1',
    description: 'case i expects "answer i"',
    system_prompt: 'You are a coding agent.\n\n{tools}',
    tools: [
      {
        name: 'read_file',
        description: 'Read a file',
        parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
      },
    ],
    cases: Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      category: ['tools', 'code', 'reasoning'][i % 3],
      prompt: `case ${i}`,
      expected_keywords: [`answer ${i}`],
    })),
  };
}

/** A reply of about 120 tokens with a tool call, in llama.cpp's stream shape. */
function reply(i: number): string {
  return streamAnswer(
    `Let me look.\n<tool_call>\n{"name": "read_file", "arguments": {"path": "src/m${i}.py"}}\n</tool_call>\n` +
      'Here is the fix:\n```python\ndef f(x):\n    return x + 1\n```\n'.repeat(4) +
      `The answer is: answer ${i}\n`,
    'llamacpp',
  );
}

// Written once, so the server's own work (it shares the CPU) stays out of the figures.
const REPLIES = Array.from({ length: 220 }, (_, i) => reply(i));

async function serve(delayMs: number): Promise<ChatServer> {
  return startChatServer(async (req, res) => {
    if (req.path === '/v1/models') return sendJson(res, 200, { object: 'list', data: [{ id: 'bench' }] });
    const i = Number(/case (\d+)/.exec(lastUserMessage(req.body))?.[1] ?? 0);
    await sendSse(res, REPLIES[i] ?? reply(i), { firstDelayMs: delayMs });
  });
}

interface Timing {
  wallMs: number;
  /** CPU time (user + system) the CLI process used: robust to other load on the machine. */
  cpuMs: number;
}

const seconds = (text: string) => {
  const m = /(\d+)m([\d.]+)s/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};

/** Runs the CLI under bash (whose `times` gives the child's CPU time); resolves with its timing. */
function timeRun(args: string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const script = 'node "$@" >/dev/null; code=$?; times; exit $code';
    const child = spawn('bash', ['-c', script, 'bash', CLI, 'run', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      const wallMs = performance.now() - t0;
      // `times` prints the shell's user and system time, then its children's.
      const children = stdout.trim().split('\n').at(-1)?.split(/\s+/) ?? [];
      const cpuMs = (seconds(children[0] ?? '') + seconds(children[1] ?? '')) * 1000;
      if (code === 0) resolve({ wallMs, cpuMs });
      else reject(new Error(`tabeval run exited ${code}: ${stderr}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEndpoint(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log('tabeval run: skipped (run `npm run build:cli` first)');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'tabeval-bench-'));
  try {
    const files = new Map<number, string>();
    for (const n of [20, 220, 8, 40]) {
      const file = join(dir, `suite-${n}.json`);
      await writeFile(file, JSON.stringify(suiteOf(n)));
      files.set(n, file);
    }
    const args = (s: ChatServer, n: number, ...extra: string[]) => [
      '--suite',
      files.get(n)!,
      '--base-url',
      s.baseUrl,
      '--model',
      'bench',
      '-o',
      join(dir, `out-${n}-${extra.join('')}.json`),
      '--force',
      ...extra,
    ];

    // Overhead: the difference between a long and a short run cancels process start-up.
    const instant = await serve(0);
    const short: Timing[] = [];
    const long: Timing[] = [];
    for (let round = 0; round < 5; round += 1) {
      short.push(await timeRun(args(instant, 20)));
      long.push(await timeRun(args(instant, 220)));
    }
    await instant.close();
    const per = (key: keyof Timing) =>
      (median(long.map((t) => t[key])) - median(short.map((t) => t[key]))) / 200;
    console.log(
      `tabeval run overhead: ${per('wallMs').toFixed(2)} ms per case wall clock, ${per('cpuMs').toFixed(2)} ms CPU ` +
        `(median of 5: 220 cases ${median(long.map((t) => t.wallMs)).toFixed(0)} ms, 20 cases ` +
        `${median(short.map((t) => t.wallMs)).toFixed(0)} ms; HTTP request, about 100 streamed chunks, scoring, report; ` +
        'instant local server in this process)',
    );
    console.log('target: < 5 ms per case');

    // Concurrency against a server answering each request after 100 ms, in parallel. Throughput
    // over the run itself (40 cases minus 8, so start-up cancels) and over the whole command.
    const delayed = await serve(100);
    const t = new Map<string, number[]>();
    for (let round = 0; round < 3; round += 1) {
      for (const [n, c] of [
        [8, '1'],
        [40, '1'],
        [8, '8'],
        [40, '8'],
      ] as const) {
        const key = `${n}/${c}`;
        t.set(key, [...(t.get(key) ?? []), (await timeRun(args(delayed, n, '--concurrency', c))).wallMs]);
      }
    }
    await delayed.close();
    const at = (key: string) => median(t.get(key) ?? [Number.NaN]);
    const speedup = (at('40/1') - at('8/1')) / (at('40/8') - at('8/8'));
    console.log(
      `--concurrency 8 vs 1 (medians of 3): ${speedup.toFixed(1)}x throughput (32 cases more: ${(at('40/1') - at('8/1')).toFixed(0)} ms ` +
        `vs ${(at('40/8') - at('8/8')).toFixed(0)} ms; 100 ms per answer); whole command, 40 cases: ` +
        `${(at('40/1') / at('40/8')).toFixed(1)}x (${at('40/1').toFixed(0)} ms vs ${at('40/8').toFixed(0)} ms, start-up included)`,
    );
    console.log('target: >= 6x');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
