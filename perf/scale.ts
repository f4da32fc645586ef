// The CLI at scale (issue 16, finding 5): `score --json` of 10,000 and 100,000 cases (plain
// tool-call outputs, and outputs of about 5 KB), then `report --md`, `report --html`, `compare` and
// `rescore` on what it wrote: wall time, peak RSS (GNU time's maximum resident set size), per-case
// milliseconds and file sizes. Runs the built CLI (`dist-cli/`) in a temporary directory.
// TABEVAL_SCALE=10000,100000 picks the case counts; TABEVAL_SCALE_BIG=0 skips the 5 KB outputs.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// TABEVAL_SCALE_CLI runs another build (an older checkout's dist-cli/main.js) for before/after figures.
const CLI = process.env.TABEVAL_SCALE_CLI ?? fileURLToPath(new URL('../dist-cli/main.js', import.meta.url));
const MIB = 1024 * 1024;

function suiteOf(n: number): unknown {
  return {
    id: `scale-${n}`,
    version: '1',
    description: 'case i expects read_file of src/m<i>.py',
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
      category: ['simple', 'multiple', 'relevance'][i % 3],
      prompt: `Show me src/m${i}.py`,
      expected_tools: ['read_file'],
      expected_calls: [{ name: 'read_file', arguments: { path: { equals: `src/m${i}.py` } } }],
    })),
  };
}

// About 5 KB of reasoning and code around the call, different per case (so no hash repeats).
const FILLER =
  'Let me think about where the bug is. The function reads the configuration, then walks the list\n' +
  '```python\ndef load(path):\n    with open(path) as f:\n        return [line.strip() for line in f]\n```\n';

function outputOf(i: number, big: boolean): string {
  const call = `<tool_call>\n{"name": "read_file", "arguments": {"path": "src/m${i}.py"}}\n</tool_call>`;
  if (!big) return i % 10 === 9 ? 'I cannot help with that.' : call;
  let text = `Case ${i}. `;
  while (text.length < 5000) text += FILLER;
  return `${text}${call}\n`;
}

/** Writes the outputs file entry by entry: at 100,000 × 5 KB it is 500 MB. */
async function writeOutputs(file: string, n: number, big: boolean): Promise<void> {
  const stream = createWriteStream(file);
  const write = (s: string) =>
    stream.write(s) ? Promise.resolve() : new Promise<void>((r) => stream.once('drain', () => r()));
  await write('{');
  for (let i = 0; i < n; i += 1)
    await write(`${i === 0 ? '' : ','}\n${JSON.stringify(`c${i}`)}: ${JSON.stringify(outputOf(i, big))}`);
  await write('\n}\n');
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

interface Run {
  ok: boolean;
  wallMs: number;
  /** User + system CPU time of the CLI: robust to other load on the shared machine. */
  cpuMs: number;
  rssMb: number;
  stderr: string;
}

/** Runs the CLI under GNU time, standard output to `stdoutFile` (or discarded). */
function timeCli(args: string[], stdoutFile?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const script = `/usr/bin/time -f 'RSS_KB=%M CPU=%U+%S' node "$@" > ${stdoutFile ? JSON.stringify(stdoutFile) : '/dev/null'}`;
    const child = spawn('bash', ['-c', script, 'bash', CLI, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const rss = /RSS_KB=(\d+) CPU=([\d.]+)\+([\d.]+)/.exec(stderr);
      resolve({
        ok: code === 0,
        wallMs: performance.now() - t0,
        cpuMs: rss ? (Number(rss[2]) + Number(rss[3])) * 1000 : Number.NaN,
        rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
        stderr: stderr.replace(/RSS_KB=\d+ CPU=\S+\s*$/, '').trim(),
      });
    });
  });
}

async function sizeMb(file: string): Promise<number> {
  return (await stat(file)).size / MIB;
}

function line(label: string, n: number, run: Run, extra = ''): void {
  const status = run.ok ? '' : `  FAILED: ${run.stderr.split('\n').slice(-3).join(' | ').slice(0, 300)}`;
  console.log(
    `${label.padEnd(22)} ${(run.wallMs / 1000).toFixed(1).padStart(6)} s wall ${(run.cpuMs / 1000).toFixed(1).padStart(6)} s CPU  ` +
      `${(run.cpuMs / n).toFixed(3).padStart(7)} ms CPU/case  ` +
      `${run.rssMb.toFixed(0).padStart(5)} MB RSS${extra}${status}`,
  );
}

export async function benchScale(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log('scale: skipped (run `npm run build:cli` first)');
    return;
  }
  if (!existsSync('/usr/bin/time')) {
    console.log('scale: skipped (needs GNU time at /usr/bin/time for peak RSS)');
    return;
  }
  const sizes = (process.env.TABEVAL_SCALE ?? '10000,100000').split(',').map(Number);
  const kinds = process.env.TABEVAL_SCALE_BIG === '0' ? [false] : [false, true];
  const dir = await mkdtemp(join(tmpdir(), 'tabeval-scale-'));
  try {
    for (const n of sizes) {
      for (const big of kinds) {
        const name = `${n}${big ? '-5kb' : ''}`;
        console.log(
          `\n-- ${n.toLocaleString('en-US')} cases, ${big ? '~5 KB outputs' : 'plain tool-call outputs'} --`,
        );
        const suite = join(dir, `suite-${n}.json`);
        if (!existsSync(suite)) await writeFile(suite, JSON.stringify(suiteOf(n)));
        const outputs = join(dir, `outputs-${name}.json`);
        await writeOutputs(outputs, n, big);
        const report = join(dir, `report-${name}.json`);
        const scored = await timeCli(['score', '--suite', suite, '--outputs', outputs, '--json'], report);
        const fileMb = scored.ok ? await sizeMb(report) : 0;
        line(
          'score --json',
          n,
          scored,
          `  report ${fileMb.toFixed(1)} MB (outputs ${(await sizeMb(outputs)).toFixed(1)} MB)`,
        );
        await rm(outputs);
        if (!scored.ok) continue;
        line('report --md', n, await timeCli(['report', report, '--md']));
        const html = join(dir, `report-${name}.html`);
        const htmlRun = await timeCli(['report', report, '--html', html]);
        line('report --html', n, htmlRun, htmlRun.ok ? `  html ${(await sizeMb(html)).toFixed(1)} MB` : '');
        if (htmlRun.ok) await rm(html);
        line('compare A A', n, await timeCli(['compare', report, report]));
        const rescored = join(dir, `rescored-${name}.json`);
        const rescoreRun = await timeCli(['rescore', report, '--json'], rescored);
        line(
          'rescore --json',
          n,
          rescoreRun,
          rescoreRun.ok ? `  report ${(await sizeMb(rescored)).toFixed(1)} MB` : '',
        );
        if (rescoreRun.ok) line('rescore (its output)', n, await timeCli(['rescore', rescored]));
        await rm(report, { force: true });
        await rm(rescored, { force: true });
      }
    }
    console.log(
      '\ntargets: 100,000 cases round-trip (score --json, then report, compare and rescore read it); ' +
        'score and rescore per case near the parser and scorers (tens of microseconds), not 1.1 ms',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
