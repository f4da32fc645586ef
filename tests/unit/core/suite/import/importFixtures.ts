// Small hand-made problems in the HumanEval and MBPP JSONL formats (not taken from the data sets).
export const HUMANEVAL_PROBLEMS = [
  {
    task_id: 'Tiny/0',
    prompt: 'def add(a: int, b: int) -> int:\n    """Return a + b."""\n',
    canonical_solution: '    return a + b\n',
    test: 'def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(-1, 1) == 0\n',
    entry_point: 'add',
  },
  {
    task_id: 'Tiny/1',
    prompt: 'def shout(s: str) -> str:\n    """Upper-case s and add "!"."""\n',
    canonical_solution: '    return s.upper() + "!"\n',
    test: 'def check(candidate):\n    assert candidate("hé") == "HÉ!"\n',
    entry_point: 'shout',
  },
];

export const MBPP_PROBLEMS = [
  {
    task_id: 1,
    text: 'Write a function to double every number in a list.',
    code: 'def double_all(xs):\n    return [2 * x for x in xs]',
    test_list: ['assert double_all([1, 2]) == [2, 4]', 'assert double_all([]) == []'],
    test_setup_code: '',
    challenge_test_list: [],
  },
  {
    task_id: 2,
    text: 'Write a function that returns the first item of a deque.',
    code: 'def first(d):\n    return d[0]',
    test_list: ['assert first(deque([3, 4])) == 3'],
    test_setup_code: 'from collections import deque',
    challenge_test_list: ['assert first(deque(["x"])) == "x"'],
  },
];

/** One JSON object per line, as the data sets ship. */
export function toJsonl(records: readonly unknown[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
