import { describe, expect, it } from 'vitest';
import {
  importHumanEval,
  HUMANEVAL_INSTRUCTIONS,
} from '../../../../../src/core/suite/import/importHumanEval.ts';
import {
  MAX_IMPORT_FIELD_CHARS,
  MAX_IMPORT_LINES,
} from '../../../../../src/core/suite/import/importLimits.ts';
import { HUMANEVAL_PROBLEMS, toJsonl } from './importFixtures.ts';

const issuesOf = (text: string) => {
  const result = importHumanEval(text);
  if (result.ok) throw new Error('expected issues, got a suite');
  return result.issues;
};

describe('importHumanEval', () => {
  it('converts every problem into a case with the prompt code, tests and entry point', () => {
    const result = importHumanEval(toJsonl(HUMANEVAL_PROBLEMS), { fileName: '/data/Tiny-Eval.jsonl.gz' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const suite = result.value;
    expect(suite).toMatchObject({ id: 'tiny-eval', version: '1.0.0', tools: [] });
    expect(suite.description).toContain('2 HumanEval problems imported from Tiny-Eval.jsonl.gz');
    expect(suite.system_prompt).toContain('```python');
    const [first] = suite.cases;
    expect(first).toEqual({
      id: 'Tiny/0',
      category: 'humaneval',
      prompt: `${HUMANEVAL_INSTRUCTIONS}\n\n\`\`\`python\n${HUMANEVAL_PROBLEMS[0]?.prompt}\`\`\``,
      execution: {
        prompt_code: HUMANEVAL_PROBLEMS[0]?.prompt,
        tests: HUMANEVAL_PROBLEMS[0]?.test,
        entry_point: 'add',
      },
    });
    expect(JSON.stringify(suite)).not.toContain('return a + b');
  });

  it('takes id, version, description and category from the options; CRLF, a BOM and blank lines are fine', () => {
    const text = `\uFEFF\r\n${toJsonl(HUMANEVAL_PROBLEMS).replace(/\n/g, '\r\n')}\r\n\r\n`;
    const result = importHumanEval(text, { id: 'mine', version: '2', description: 'd', category: 'he' });
    expect(result.ok && result.value).toMatchObject({ id: 'mine', version: '2', description: 'd' });
    expect(result.ok && result.value.cases.map((c) => c.category)).toEqual(['he', 'he']);
  });

  it('names the line and field of every bad line, and goes on to the next', () => {
    const lines = [
      JSON.stringify(HUMANEVAL_PROBLEMS[0]),
      '{"task_id": "T/1", "prompt": "def f():\\n", "test": "assert True"',
      JSON.stringify({ ...HUMANEVAL_PROBLEMS[1], entry_point: 'not an identifier' }),
      JSON.stringify({ ...HUMANEVAL_PROBLEMS[1], task_id: 'T/3', test: 42 }),
      '"just a string"',
      JSON.stringify({ task_id: 'T/5' }),
    ];
    const issues = issuesOf(lines.join('\n'));
    expect(issues.map((i) => i.path)).toEqual([
      'line 2',
      'line 3, entry_point',
      'line 4, test',
      'line 5',
      'line 6, prompt',
      'line 6, test',
      'line 6, entry_point',
    ]);
    expect(issues[0]?.message).toMatch(/^is not valid JSON/);
    expect(issues[1]?.message).toBe('is not a Python identifier');
    expect(issues[2]?.message).toBe('expected the tests (a string), got the number 42');
    expect(issues[3]?.message).toBe('expected a JSON object, got the string "just a string"');
    expect(issues[4]?.message).toBe("missing required field 'prompt'");
  });

  it('reports duplicate task ids with both lines', () => {
    const issues = issuesOf(toJsonl([HUMANEVAL_PROBLEMS[0], HUMANEVAL_PROBLEMS[1], HUMANEVAL_PROBLEMS[0]]));
    expect(issues).toEqual([
      { path: 'line 3, task_id', message: 'duplicate task id "Tiny/0" (first on line 1)' },
    ]);
  });

  it('rejects huge fields, too many lines and an empty file with a message', () => {
    const huge = { ...HUMANEVAL_PROBLEMS[0], test: `assert True\n${'#'.repeat(MAX_IMPORT_FIELD_CHARS)}` };
    expect(issuesOf(toJsonl([huge]))).toEqual([
      {
        path: 'line 1, test',
        message: `is ${MAX_IMPORT_FIELD_CHARS + 12} characters long; at most ${MAX_IMPORT_FIELD_CHARS}`,
      },
    ]);
    const many = '{}\n'.repeat(MAX_IMPORT_LINES + 1);
    expect(issuesOf(many)).toEqual([
      {
        path: `line ${MAX_IMPORT_LINES + 1}`,
        message: `the file has more than ${MAX_IMPORT_LINES} problems; split it into smaller files`,
      },
    ]);
    expect(issuesOf('\n  \n')).toEqual([
      { path: '(file)', message: 'holds no HumanEval problems (every line is blank)' },
    ]);
  });

  it('lists at most 100 issues and counts the rest', () => {
    const issues = issuesOf('nope\n'.repeat(150));
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toEqual({ path: '(file)', message: '… and 50 more problems' });
  });
});
