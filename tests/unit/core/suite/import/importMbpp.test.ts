import { describe, expect, it } from 'vitest';
import { importMbpp, mbppPrompt } from '../../../../../src/core/suite/import/importMbpp.ts';
import { MBPP_PROBLEMS, toJsonl } from './importFixtures.ts';

describe('importMbpp', () => {
  it('prompts as the MBPP paper does and runs the asserts after the setup code', () => {
    const result = importMbpp(toJsonl(MBPP_PROBLEMS), { fileName: 'mbpp.jsonl' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe('mbpp');
    const [first, second] = result.value.cases;
    expect(first).toEqual({
      id: 'mbpp/1',
      category: 'mbpp',
      prompt:
        'Write a function to double every number in a list. Your code should pass these tests:\n\n' +
        'assert double_all([1, 2]) == [2, 4]\nassert double_all([]) == []',
      execution: { tests: 'assert double_all([1, 2]) == [2, 4]\nassert double_all([]) == []\n' },
    });
    expect(second?.execution).toEqual({
      tests: 'assert first(deque([3, 4])) == 3\n',
      setup: 'from collections import deque',
    });
  });

  it('runs the challenge tests only when asked, without showing them', () => {
    const result = importMbpp(toJsonl(MBPP_PROBLEMS), { challengeTests: true });
    const second = result.ok ? result.value.cases[1] : undefined;
    expect(second?.execution?.tests).toBe(
      'assert first(deque([3, 4])) == 3\nassert first(deque(["x"])) == "x"\n',
    );
    expect(second?.prompt).toBe(mbppPrompt(MBPP_PROBLEMS[1]?.text ?? '', MBPP_PROBLEMS[1]?.test_list ?? []));
  });

  it("accepts the sanitized release's prompt and test_imports", () => {
    const sanitized = {
      source_file: 'x',
      task_id: 'S-7',
      prompt: 'Write a function to count vowels.',
      code: '...',
      test_imports: ['import math', 'import re'],
      test_list: ['assert count_vowels("ai") == 2'],
    };
    const result = importMbpp(toJsonl([sanitized]));
    expect(result.ok && result.value.cases[0]).toMatchObject({
      id: 'S-7',
      execution: { setup: 'import math\nimport re' },
    });
  });

  it('names the line and field of every bad problem and every duplicate id', () => {
    const result = importMbpp(
      toJsonl([
        MBPP_PROBLEMS[0],
        { task_id: 5, text: 'x', test_list: [] },
        { task_id: 6, test_list: ['assert f()'] },
        { task_id: -1, text: 'x', test_list: ['assert 1', 2] },
        MBPP_PROBLEMS[0],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'line 2, test_list', message: 'must hold at least one assert' },
      { path: 'line 3, text', message: "missing required field 'text' (the task)" },
      { path: 'line 4, task_id', message: 'must not be negative' },
      { path: 'line 4, test_list[1]', message: 'expected an assert statement (a string), got the number 2' },
      { path: 'line 5, task_id', message: 'duplicate task id "mbpp/1" (first on line 1)' },
    ]);
  });
});
