import { pathToFileURL } from 'node:url';
import { parseToolCalls } from '../src/core/parser/index.ts';

/** Throughput target for `parseToolCalls` on ordinary model output. */
const TARGET_MB_PER_S = 20;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 7;

// Deterministic pseudo-random numbers (mulberry32), so every run parses the same corpus.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the list tuple mutable immutable binary search complexity O(log n) function returns value file path ' +
  'read write command echo hello prime factorial recursive because each step halves the range so we ' +
  'a an in of to is it that this with for as on by 数据 函数 列表 😀 ✅ <b> {x} `code` a.py /etc/hosts'
).split(' ');

const CODE = [
  '```python\ndef is_prime(n: int) -> bool:\n    if n < 2:\n        return False\n    for d in range(2, int(n ** 0.5) + 1):\n        if n % d == 0:\n            return False\n    return True\n```',
  '```python\ndef factorial(n):\n    """Recursive factorial."""\n    return 1 if n <= 1 else n * factorial(n - 1)\n```',
  '```json\n{"dependencies": {"vite": "8.3.8"}, "scripts": {"dev": "vite"}}\n```',
  '```bash\necho hello && ls -la /tmp\n```',
];

const CALLS = [
  '<tool_call>\n{"name": "read_file", "arguments": {"path": "/etc/hosts"}}\n</tool_call>',
  '```json\n{"name": "write_file", "arguments": {"path": "test.txt", "content": "Hello World"}}\n```',
  '<tool_call>\n<function=run_command>\n<parameter=command>\necho hello\n</parameter>\n</function>\n</tool_call>',
  '<function=list_files>\n<parameter=path>\n.\n</parameter>\n</function>\n</tool_call>',
];

/**
 * Realistic model outputs, about `size` characters in all: each a few paragraphs of prose, often a
 * code block, sometimes a call (of each format in turn). Parsed one by one, as the runner does.
 */
function realisticOutputs(size: number): string[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const paragraph = (): string =>
    Array.from({ length: 20 + Math.floor(next() * 60) }, () => pick(WORDS)).join(' ') + '.';
  const outputs: string[] = [];
  let length = 0;
  while (length < size) {
    const parts = [paragraph()];
    if (next() < 0.6) parts.push(pick(CODE));
    parts.push(paragraph(), paragraph());
    if (next() < 0.4) parts.push(CALLS[outputs.length % CALLS.length] ?? '');
    if (next() < 0.5) parts.push(paragraph());
    const output = parts.join('\n\n');
    outputs.push(output);
    length += output.length;
  }
  return outputs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function parseAll(inputs: readonly string[]): { calls: number; nearMisses: number } {
  let calls = 0;
  let nearMisses = 0;
  for (const input of inputs) {
    const result = parseToolCalls(input);
    calls += result.calls.length;
    nearMisses += result.nearMisses.length;
  }
  return { calls, nearMisses };
}

/** Median milliseconds of parsing every input, after warm-up runs. */
function timeParse(inputs: readonly string[]): number {
  for (let i = 0; i < WARMUP_RUNS; i++) parseAll(inputs);
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const start = performance.now();
    parseAll(inputs);
    times.push(performance.now() - start);
  }
  return median(times);
}

function row(name: string, inputs: readonly string[]): string {
  const encoder = new TextEncoder();
  const bytes = inputs.reduce((sum, input) => sum + encoder.encode(input).length, 0);
  const ms = timeParse(inputs);
  const mbPerS = bytes / 1e6 / (ms / 1000);
  const { calls, nearMisses } = parseAll(inputs);
  return [
    name.padEnd(34),
    `${(bytes / 1e3).toFixed(0)} KB`.padStart(9),
    `${ms.toFixed(2)} ms`.padStart(11),
    `${mbPerS.toFixed(1)} MB/s`.padStart(12),
    `${calls}`.padStart(7),
    `${nearMisses}`.padStart(8),
  ].join('  ');
}

/**
 * Benchmarks `parseToolCalls` and prints a table (console.log): throughput in MB/s on a realistic
 * corpus of about 1 MB of model outputs (parsed one output at a time, as the runner does), and on
 * three adversarial inputs (repeated unclosed `<tool_call>{`, repeated `<function=a>`, repeated
 * ```` ```json ```` openers) at 100 KB, 300 KB and 1 MB, so that linear growth shows. Median of a few runs after warm-up. Returns nothing; never asserts.
 */
export async function benchParser(): Promise<void> {
  const header = ['input'.padEnd(34), 'size'.padStart(9), 'median'.padStart(11), 'throughput'.padStart(12)];
  console.log('parseToolCalls benchmark');
  console.log([...header, 'calls'.padStart(7), 'misses'.padStart(8)].join('  '));
  const outputs = realisticOutputs(1_000_000);
  console.log(row(`realistic corpus (${outputs.length} outputs)`, outputs));
  const adversarial: [string, string][] = [
    ['unclosed <tool_call>{', '<tool_call>{'],
    ['repeated <function=a>', '<function=a>'],
    ['repeated ```json openers', '```json\n'],
  ];
  for (const [name, unit] of adversarial) {
    for (const size of [100_000, 300_000, 1_000_000]) {
      const count = Math.round(size / unit.length);
      console.log(row(`${name} x${count}`, [unit.repeat(count)]));
    }
  }
  console.log(`target: >= ${TARGET_MB_PER_S} MB/s on the realistic corpus`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await benchParser();
}
