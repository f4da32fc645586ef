// Every reason code a scorer emits has words. The catalogue below provokes each code; the test then
// checks both directions: every code emitted (by the catalogue and by random outputs) is explained,
// and every code a scorer's table or the execution schema knows is actually emitted by the catalogue,
// so a new code (in a table, a sandbox status, or a new failure path) cannot go without words or
// without a case here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXECUTION_STATUSES,
  type ExecutionStatus,
  type Executor,
} from '../../../../src/core/execution/schema.ts';
import { explainCaseReason, explainReason } from '../../../../src/core/report/explainReason.ts';
import { SCORERS } from '../../../../src/core/scoring/registry.ts';
import { scoreCase } from '../../../../src/core/scoring/scoreCase.ts';
import type { Suite, SuiteCase } from '../../../../src/core/suite/types.ts';
import { TOOLS } from '../scoring/fixtures.ts';

function executorSaying(status: ExecutionStatus): Executor {
  return {
    info: { runtime: 'pyodide', version: 'test', sandbox: 'node-child' },
    ready: () => Promise.resolve(),
    execute: () =>
      Promise.resolve({
        status,
        message: `${status} happened`,
        stdout: '',
        stderr: '',
        stdoutTruncated: false,
        stderrTruncated: false,
        durationMs: 1,
      }),
    dispose: () => Promise.resolve(),
  };
}

const base = { category: 'c', prompt: 'p' };
const CASES: SuiteCase[] = [
  {
    ...base,
    id: 'calls',
    expected_tools: ['write_file', 'read_file'],
    expected_keywords: ['never-said'],
    expected_calls: [
      {
        name: 'write_file',
        arguments: { path: { regex: '(' }, content: { equals: 'x' } },
      },
      { name: 'read_file', arguments: { path: { equals: 'a.txt' } } },
    ],
    answer: { regex: '(' },
  },
  { ...base, id: 'no-call', expect_no_call: true, answer: { equals: '42' } },
  {
    ...base,
    id: 'types',
    expected_calls: [
      { name: 'run_command', arguments: { command: { type: 'string' } } },
      { name: 'search', arguments: { mode: { equals: 'fast' } } },
    ],
  },
  { ...base, id: 'exec', execution: { tests: 'assert f() == 1' } },
];

const suite: Suite = {
  id: 's',
  version: '1',
  description: '',
  system_prompt: '',
  tools: TOOLS,
  cases: CASES,
};
const caseById = (id: string): SuiteCase => CASES.find((c) => c.id === id)!;

const OUTPUTS: [string, string][] = [
  ['calls', '<tool_call>{"name": "write_file", "arguments": {"path": "a", "mode": 1}}</tool_call>'],
  ['calls', '<tool_call>\n{"name": "read_file", "parameters": {"path": "b.txt"}}\n</tool_call>'],
  [
    'calls',
    '<tool_call>\n{"name": "read_file", "arguments": "{\\"path\\": 1}"}\n</tool_call>\n```json\n{"name": "x", "arguments": {}}\n```',
  ],
  ['calls', 'no call at all'],
  [
    'no-call',
    '<tool_call>\n{"name": "read_file", "arguments": {"path": "a"}}\n</tool_call>\nThe answer is 41.',
  ],
  ['no-call', ''],
  [
    'types',
    '<tool_call>\n{"name": "run_command", "arguments": {"command": 3, "timeout": 5.0}}\n</tool_call>',
  ],
  ['types', '<tool_call>\n{"name": "run_command", "arguments": {"command": "ls"}}\n</tool_call>\n'.repeat(3)],
  [
    'types',
    '<tool_call>\n{"name": "search", "arguments": {"query": "q", "limit": 5.0, "mode": "slow"}}\n</tool_call>',
  ],
  ['exec', 'no code here'],
];

interface Emitted {
  kind: string;
  reason: string;
}

async function emitted(testCase: SuiteCase, output: string | null, executor?: Executor): Promise<Emitted[]> {
  const scored = await scoreCase(suite, testCase, output, executor ? { services: { executor } } : {});
  const verdictReasons = scored.verdicts.flatMap((v) =>
    [...v.reasons, ...(v.notes ?? [])].map((reason) => ({ kind: v.scorer, reason })),
  );
  for (const reason of scored.reasons) expect(explainCaseReason(reason)).not.toBe(reason);
  return verdictReasons;
}

async function catalogue(): Promise<Emitted[]> {
  const all: Emitted[] = [];
  for (const [id, output] of OUTPUTS) all.push(...(await emitted(caseById(id), output)));
  all.push(...(await emitted(caseById('calls'), null)));
  const code = '```python\ndef f():\n    return 2\n```';
  all.push(...(await emitted(caseById('exec'), code)));
  for (const status of EXECUTION_STATUSES)
    all.push(...(await emitted(caseById('exec'), code, executorSaying(status))));
  const noTests = SCORERS.find((s) => s.kind === 'exec')!;
  const outcome = await noTests.score({
    suite,
    testCase: { ...base, id: 'bare' },
    output: '',
    parsed: { text: '', calls: [], nearMisses: [] },
    services: {},
  });
  all.push(...outcome.reasons.map((reason) => ({ kind: 'exec', reason })));
  return all;
}

const codeOf = (reason: string) => reason.split(':')[0] ?? reason;

describe('explainReason: every reason in words', () => {
  it('explains every reason the scorers emit, and the catalogue emits every code any table knows', async () => {
    const all = await catalogue();
    for (const { kind, reason } of all) {
      const words = explainReason(kind, reason);
      expect(words, `${kind}:${reason}`).not.toBe(reason);
      expect(words.startsWith(`${codeOf(reason)}:`), `${kind}:${reason}`).toBe(false);
    }
    const seen = new Set(all.map(({ kind, reason }) => `${kind}:${codeOf(reason)}`));
    const known = SCORERS.flatMap((s) => Object.keys(s.reasons).map((code) => `${s.kind}:${code}`));
    const statuses = EXECUTION_STATUSES.filter((s) => s !== 'passed').map((s) => `exec:${s}`);
    for (const code of [...known, ...statuses]) expect(seen, code).toContain(code);
  });

  it('explains whatever a random reply makes the scorers say', async () => {
    const reply = fc.oneof(
      fc.string(),
      fc
        .record({
          name: fc.constantFrom('read_file', 'write_file', 'run_command', 'other'),
          arguments: fc.dictionary(fc.constantFrom('path', 'content', 'command', 'x'), fc.jsonValue()),
        })
        .map((call) => `<tool_call>${JSON.stringify(call)}</tool_call> The answer is 7`),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CASES.slice(0, 3)), reply, async (testCase, output) => {
        for (const { kind, reason } of await emitted(testCase, output)) {
          expect(explainReason(kind, reason)).not.toBe(reason);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads case-level reasons, engine errors and notes, and passes unknown ones through', () => {
    expect(explainCaseReason('calls:missing_required:content')).toBe('required argument "content" missing');
    expect(explainCaseReason('punie:missing_keyword:a:b')).toBe('keyword "a:b" not found');
    expect(explainCaseReason('error:no output')).toBe('engine error: no output');
    expect(explainCaseReason('note:calls:bfcl_decoder:no_newlines')).toContain('BFCL would not read');
    expect(explainReason('keywords', 'error')).toBe('the engine failed: no output to score');
    expect(explainCaseReason('future:thing:x')).toBe('future:thing:x');
    expect(explainCaseReason('toString')).toBe('toString');
    expect(explainReason('calls', '__proto__:x')).toBe('__proto__:x');
  });
});
