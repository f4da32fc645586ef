// The seed's numbers (training-summary.md) reproduced end to end: hand-written model outputs →
// shared parser → scorers → summary. Nothing here is a hand-made score.
import { describe, expect, it } from 'vitest';
import { scoreCase } from '../../../../src/core/scoring/scoreCase.ts';
import { summarizeRun } from '../../../../src/core/stats/summarizeRun.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';
import { TOOLS } from './fixtures.ts';

/** Punie's "baseline" suite: 7 cases, 3 categories (reference/punie-eval.md). */
const BASELINE: Suite = {
  id: 'punie-baseline',
  version: '1',
  description: "Punie's baseline suite",
  system_prompt: 'You are a coding assistant with tools.',
  headline: 'punie',
  tools: TOOLS.filter((tool) => ['read_file', 'write_file', 'run_command'].includes(tool.name)),
  cases: [
    {
      id: 'tool-01',
      category: 'tool_calling',
      prompt: 'Read the hosts file at /etc/hosts and tell me what it holds.',
      expected_tools: ['read_file'],
      expected_keywords: ['localhost', '127.0.0.1'],
    },
    {
      id: 'tool-02',
      category: 'tool_calling',
      prompt: "Create test.txt containing 'Hello World'.",
      expected_tools: ['write_file'],
      expected_keywords: ['test.txt', 'Hello World'],
    },
    {
      id: 'tool-03',
      category: 'tool_calling',
      prompt: "Run the shell command 'echo hello'.",
      expected_tools: ['run_command'],
      expected_keywords: ['hello', 'echo'],
    },
    {
      id: 'code-01',
      category: 'code_generation',
      prompt: 'Write a Python function that checks whether a number is prime.',
      expected_keywords: ['def', 'prime', 'return'],
    },
    {
      id: 'code-02',
      category: 'code_generation',
      prompt: 'Write a recursive Python factorial function.',
      expected_keywords: ['def', 'factorial', 'return', 'recursive'],
    },
    {
      id: 'reason-01',
      category: 'reasoning',
      prompt: 'Explain the difference between a list and a tuple in Python.',
      expected_keywords: ['list', 'tuple', 'mutable', 'immutable'],
    },
    {
      id: 'reason-02',
      category: 'reasoning',
      prompt: 'What is the time complexity of binary search, and why?',
      expected_keywords: ['O(log n)', 'binary search', 'complexity'],
    },
  ],
};

const fence = (json: string) => '```json\n' + json + '\n```';

const PRIME = [
  '```python',
  'def is_prime(n):',
  '    if n < 2:',
  '        return False',
  '    for d in range(2, int(n ** 0.5) + 1):',
  '        if n % d == 0:',
  '            return False',
  '    return True',
  '```',
].join('\n');

/** Qwen2.5-Coder-1.5B: calls in ```json fences (as the seed reports). Per case: .75 1 .75 | 1 1 | 1 1. */
const OUTPUTS_1_5B: Record<string, string> = {
  // Correct call, but the prose lacks "127.0.0.1": tool 1, keywords 1/2 → 0.75.
  'tool-01':
    fence('{"name": "read_file", "arguments": {"path": "/etc/hosts"}}') +
    '\nThe hosts file maps host names such as localhost to IP addresses.',
  'tool-02':
    fence('{"name": "write_file", "arguments": {"path": "test.txt", "content": "Hello World"}}') +
    '\nI created test.txt with the text Hello World.',
  // A call to the right tool, but with printf: "echo" never appears → tool 1, keywords 1/2 → 0.75.
  'tool-03':
    fence('{"name": "run_command", "arguments": {"command": "printf \'hello\\\\n\'"}}') +
    '\nThis prints hello.',
  'code-01': PRIME,
  // "recursively" satisfies "recursive" under Punie's substring rule.
  'code-02':
    '```python\ndef factorial(n):\n    return 1 if n <= 1 else n * factorial(n - 1)\n```\nIt calls itself recursively.',
  'reason-01':
    'A list is mutable: you can change it in place. A tuple is immutable, so it can be a dict key.',
  'reason-02':
    'Binary search runs in O(log n) time. Its complexity is logarithmic because each step halves the range.',
};

/** Qwen3-30B: structured calls (tagged JSON here). Per case: 1 1 .5 | 1 .75 | 1 0. */
const OUTPUTS_30B: Record<string, string> = {
  'tool-01':
    '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>\n' +
    'It maps localhost to 127.0.0.1 and ::1.',
  'tool-02':
    '<tool_call>{"name": "write_file", "arguments": {"path": "test.txt", "content": "Hello World"}}</tool_call>\n' +
    'Done: test.txt now holds Hello World.',
  // No call at all, the command only described: tool 0, keywords 2/2 → 0.5.
  'tool-03': 'Run `echo hello` in your terminal; it prints hello.',
  'code-01': PRIME,
  // Iterative, never says "recursive": keywords 3/4 → 0.75.
  'code-02':
    '```python\ndef factorial(n):\n    result = 1\n    for i in range(2, n + 1):\n        result *= i\n    return result\n```',
  'reason-01': 'Lists are mutable and tuples are immutable; a list uses [], a tuple uses ().',
  // Right idea, none of the keywords: 0.
  'reason-02': 'It halves the search interval at every step, so it needs logarithmically many steps.',
};

function scoreRun(outputs: Record<string, string>) {
  return Promise.all(
    BASELINE.cases.map((testCase) => scoreCase(BASELINE, testCase, outputs[testCase.id] ?? null)),
  );
}

describe('Punie seed numbers, reproduced from model outputs', () => {
  it('Qwen2.5-Coder-1.5B: overall 6.5 / 7 = 92.9 %, code 100 %, reasoning 100 %, tools 83.3 %', async () => {
    const cases = await scoreRun(OUTPUTS_1_5B);
    expect(cases.map((c) => c.score)).toEqual([0.75, 1, 0.75, 1, 1, 1, 1]);
    expect(cases.every((c) => c.error === undefined)).toBe(true);
    const summary = summarizeRun(cases, { headline: 'punie' });
    expect(summary.overall).toBeCloseTo(6.5 / 7, 12);
    expect(summary.overall).toBeCloseTo(0.92857, 5);
    expect(summary.categories.find((c) => c.name === 'code_generation')?.mean).toBe(1);
    expect(summary.categories.find((c) => c.name === 'reasoning')?.mean).toBe(1);
    expect(summary.categories.find((c) => c.name === 'tool_calling')?.mean).toBeCloseTo(2.5 / 3, 12);
    expect(summary.successRate).toBe(1);
    expect(summary.passRate).toBeCloseTo(5 / 7, 12);
    // A mean over categories would have said 94.4 %.
    expect(summary.macro).toBeCloseTo(0.9444, 4);
    expect(cases[0]?.reasons).toEqual([
      'punie:missing_keyword:127.0.0.1',
      'keywords:missing_keyword:127.0.0.1',
    ]);
    expect(cases[2]?.reasons).toEqual(['punie:missing_keyword:echo', 'keywords:missing_keyword:echo']);
  });

  it('Qwen3-30B: overall 5.25 / 7 = 75.0 %, code 87.5 %, reasoning 50 %, tools 83.3 %', async () => {
    const cases = await scoreRun(OUTPUTS_30B);
    expect(cases.map((c) => c.score)).toEqual([1, 1, 0.5, 1, 0.75, 1, 0]);
    const summary = summarizeRun(cases, { headline: 'punie' });
    expect(summary.overall).toBeCloseTo(0.75, 12);
    expect(summary.categories.find((c) => c.name === 'code_generation')?.mean).toBe(0.875);
    expect(summary.categories.find((c) => c.name === 'reasoning')?.mean).toBe(0.5);
    expect(summary.categories.find((c) => c.name === 'tool_calling')?.mean).toBeCloseTo(2.5 / 3, 12);
    // A mean over categories would have said 73.6 %.
    expect(summary.macro).toBeCloseTo(0.7361, 4);
    expect(cases[2]?.reasons).toEqual(['punie:missing_tool:run_command']);
  });

  it('a case passes only when every tool and keyword is there', async () => {
    const run15 = await scoreRun(OUTPUTS_1_5B);
    const run30 = await scoreRun(OUTPUTS_30B);
    expect(run15.map((c) => c.passed)).toEqual([false, true, false, true, true, true, true]);
    expect(run30.map((c) => c.passed)).toEqual([true, true, false, true, false, true, false]);
  });

  it('whole-word keywords close the "recursively" loophole Punie leaves open', async () => {
    const strict: Suite = {
      ...BASELINE,
      cases: BASELINE.cases.map((c) => (c.id === 'code-02' ? { ...c, keywords_whole_word: true } : c)),
    };
    const code02 = strict.cases[4]!;
    const scored = await scoreCase(strict, code02, OUTPUTS_1_5B['code-02']!);
    expect(scored.score).toBe(1); // the Punie headline is unchanged
    expect(scored.passed).toBe(false);
    expect(scored.reasons).toEqual(['keywords:missing_keyword:recursive']);
  });
});
