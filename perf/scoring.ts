// Scores and aggregates a 10,000-case synthetic run: parser + every scorer + summary statistics.
// Run alone with `node --import tsx perf/scoring.ts`. Prints figures; asserts nothing.
import { pathToFileURL } from 'node:url';
import { scoreCase } from '../src/core/scoring/scoreCase.ts';
import type { CaseScore } from '../src/core/scoring/types.ts';
import { summarizeRun } from '../src/core/stats/summarizeRun.ts';
import type { Suite, SuiteCase, ToolDefinition } from '../src/core/suite/types.ts';

const CASE_COUNT = 10_000;

const TOOLS: ToolDefinition[] = [
  {
    name: 'read_file',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'write_file',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
  {
    name: 'grep',
    parameters: {
      type: 'object',
      properties: { pattern: { type: 'string' }, path: { type: 'string' }, max_count: { type: 'integer' } },
      required: ['pattern'],
    },
  },
];

const PROSE =
  'Let me look at the project first. The function walks the tree recursively and returns early when the ' +
  'node is missing, so the lookup is O(log n) on a balanced tree.\n';

/** A case template and the outputs a model might give for it (right, slightly wrong, in several formats). */
interface Template {
  testCase: Omit<SuiteCase, 'id'>;
  outputs: string[];
}

const TEMPLATES: Template[] = [
  {
    testCase: {
      category: 'tool_calling',
      prompt: 'Read src/main.py and summarise it.',
      expected_tools: ['read_file'],
      expected_keywords: ['main.py', 'function'],
      expected_calls: [
        { name: 'read_file', arguments: { path: { one_of: ['src/main.py', './src/main.py'] } } },
      ],
    },
    outputs: [
      PROSE +
        '<tool_call>{"name": "read_file", "arguments": {"path": "src/main.py"}}</tool_call>\nmain.py holds a function.',
      '```json\n{"name": "read_file", "arguments": {"path": "main.py"}}\n```\nReading main.py.',
      PROSE + '<tool_call><function=read_file><parameter=path>src/main.py</parameter></function></tool_call>',
    ],
  },
  {
    testCase: {
      category: 'tool_calling',
      prompt: 'Find TODOs in src, at most 5.',
      expected_tools: ['grep'],
      expected_calls: [
        {
          name: 'grep',
          arguments: {
            pattern: { regex: 'TODO' },
            path: { equals: 'src', optional: true },
            max_count: { equals: 5 },
          },
        },
      ],
    },
    outputs: [
      '<tool_call><function=grep><parameter=pattern>TODO</parameter><parameter=path>src</parameter><parameter=max_count>5</parameter></function></tool_call>',
      '<function=grep><parameter=pattern>TODO</parameter><parameter=max_count>five</parameter></function></tool_call>',
      PROSE +
        '<tool_call>{"name": "grep", "arguments": {"pattern": "TODO|FIXME", "max_count": 5}}</tool_call>',
    ],
  },
  {
    testCase: {
      category: 'tool_calling',
      prompt: 'Copy a.txt to b.txt.',
      expected_tools: ['read_file', 'write_file'],
      expected_calls: [
        { name: 'read_file', arguments: { path: { equals: 'a.txt' } } },
        { name: 'write_file', arguments: { path: { equals: 'b.txt' }, content: { type: 'string' } } },
      ],
    },
    outputs: [
      '<tool_call>{"name": "write_file", "arguments": {"path": "b.txt", "content": "x"}}</tool_call>\n' +
        '<tool_call>{"name": "read_file", "arguments": {"path": "a.txt"}}</tool_call>',
      '<tool_call>{"name": "read_file", "arguments": {"path": "a.txt"}}</tool_call>',
    ],
  },
  {
    testCase: { category: 'chat', prompt: 'Say hello.', expect_no_call: true, expected_keywords: ['hello'] },
    outputs: [
      'Hello! How can I help?',
      '<tool_call>{"name": "read_file", "arguments": {"path": "x"}}</tool_call>',
    ],
  },
  {
    testCase: {
      category: 'reasoning',
      prompt: 'Complexity of binary search? End your reply with a line `Answer: <value>`.',
      expected_keywords: ['O(log n)', 'binary search', 'complexity'],
      keywords_whole_word: true,
      answer: { equals: 'O(log n)' },
    },
    outputs: [
      PROSE + 'Binary search has complexity O(log n).\n\n**Answer:** `O(log n)`',
      PROSE + 'Answer: O(n)',
    ],
  },
  {
    testCase: {
      category: 'code_generation',
      prompt: 'Write a recursive factorial.',
      expected_keywords: ['def', 'factorial', 'return', 'recursive'],
    },
    outputs: [
      '```python\ndef factorial(n):\n    return 1 if n <= 1 else n * factorial(n - 1)\n```\n' + PROSE,
      '```python\ndef fact(n):\n    r = 1\n    for i in range(n): r *= i + 1\n    return r\n```',
    ],
  },
];

function syntheticRun(): { suite: Suite; outputs: string[] } {
  const cases: SuiteCase[] = [];
  const outputs: string[] = [];
  for (let i = 0; i < CASE_COUNT; i += 1) {
    const template = TEMPLATES[i % TEMPLATES.length]!;
    cases.push({ ...template.testCase, id: `case-${i}` });
    outputs.push(template.outputs[Math.floor(i / TEMPLATES.length) % template.outputs.length]!);
  }
  const suite: Suite = {
    id: 'bench',
    version: '1',
    description: 'synthetic',
    system_prompt: 'You are a coding assistant.',
    tools: TOOLS,
    cases,
  };
  return { suite, outputs };
}

/** Scores and aggregates a 10,000-case synthetic run and prints the time and cases/s. */
export async function benchScoring(): Promise<void> {
  const { suite, outputs } = syntheticRun();
  // Warm-up so the figure measures steady-state code, not the JIT.
  for (let i = 0; i < 500; i += 1) await scoreCase(suite, suite.cases[i]!, outputs[i]!);

  const start = performance.now();
  const scored: CaseScore[] = [];
  for (const [i, testCase] of suite.cases.entries()) {
    scored.push(await scoreCase(suite, testCase, outputs[i] ?? null));
  }
  const scoredAt = performance.now();
  const summary = summarizeRun(scored, { headline: suite.headline ?? 'pass_rate' });
  const end = performance.now();

  const totalMs = end - start;
  const bytes = outputs.reduce((sum, output) => sum + output.length, 0);
  console.log(`scoring: ${CASE_COUNT} cases, ${(bytes / 1e6).toFixed(2)} MB of output`);
  console.log(`  score  ${(scoredAt - start).toFixed(1)} ms`);
  console.log(
    `  summarize ${(end - scoredAt).toFixed(1)} ms (bootstrap 2000 resamples, overall + per category)`,
  );
  console.log(`  total  ${totalMs.toFixed(1)} ms, ${Math.round(CASE_COUNT / (totalMs / 1000))} cases/s`);
  console.log(`  overall ${summary.overall.toFixed(4)}, pass rate ${summary.passRate.toFixed(4)}`);
  console.log('  target: well under 1 s for 10,000 cases');
  await Promise.resolve();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // No top-level await: an importer compiled as CommonJS could not load this module otherwise.
  benchScoring().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
