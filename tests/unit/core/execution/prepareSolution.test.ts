import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryPointOf, prepareSolution } from '../../../../src/core/execution/prepareSolution.ts';
import type { ExecutionSpec } from '../../../../src/core/execution/schema.ts';

const humanEval: ExecutionSpec = {
  tests: 'def check(candidate):\n    assert candidate(2) == 4\n',
  entry_point: 'double',
  prompt_code: 'import math\n\ndef double(x: int) -> int:\n    """Twice x."""\n',
};
const mbpp: ExecutionSpec = { tests: 'assert sorted(x) == [1]\nassert add_one(1) == 2\n' };
const fence = (label: string, code: string) => '```' + label + '\n' + code + '```\n';

describe('which code in a reply is the solution', () => {
  it('takes the python block that defines the entry point over a later one', () => {
    const reply = `Here:\n${fence('python', 'def double(x):\n    return 2 * x\n')}Usage:\n${fence('python', 'print(double(2))\n')}`;
    const solution = prepareSolution(reply, { tests: 'assert double(1) == 2' });
    expect(solution).toEqual({
      code: 'def double(x):\n    return 2 * x\n',
      choice: 'fence_entry_point',
      assembly: 'as_written',
    });
  });

  it('falls back to the last python block (py, python3, unlabelled), skipping other languages', () => {
    const reply = `${fence('py', 'x = 1\n')}${fence('bash', 'pip install x\n')}${fence('', 'y = 2\n')}`;
    expect(prepareSolution(reply, { tests: 'assert y == 2' })).toMatchObject({
      code: 'y = 2\n',
      choice: 'last_fence',
    });
    expect(prepareSolution(fence('bash', 'ls\n'), { tests: 'assert True' })).toBeNull();
  });

  it('takes an unfenced reply that reads as Python, and finds no code in prose', () => {
    expect(prepareSolution('def add_one(n):\n    return n + 1\n', mbpp)).toMatchObject({
      choice: 'unfenced',
    });
    expect(prepareSolution('    return 2 * x\n', humanEval)).toMatchObject({ choice: 'unfenced' });
    expect(prepareSolution('Sure! The answer is to double it.', mbpp)).toBeNull();
    expect(prepareSolution('', mbpp)).toBeNull();
  });

  it("finds MBPP's entry point in the first assert that calls something other than a builtin", () => {
    expect(entryPointOf(mbpp)).toBe('add_one');
    expect(entryPointOf({ tests: 'assert math.isclose(area(2), 12.56)' })).toBe('area');
    expect(entryPointOf({ tests: 'assert True' })).toBeUndefined();
    expect(entryPointOf(humanEval)).toBe('double');
  });
});

describe('HumanEval assembly: the prompt code, then the completion', () => {
  it('a reply that repeats the signature redefines the function after the prefix (imports kept)', () => {
    const solution = prepareSolution(
      fence('python', 'def double(x):\n    return math.prod([2, x])\n'),
      humanEval,
    );
    expect(solution?.assembly).toBe('prompt_prefix');
    expect(solution?.code).toBe(`${humanEval.prompt_code}\ndef double(x):\n    return math.prod([2, x])\n`);
  });

  it('a body completes the function; a body written without indentation is indented', () => {
    expect(prepareSolution('    return 2 * x\n', humanEval)?.code).toBe(
      `${humanEval.prompt_code}    return 2 * x\n`,
    );
    expect(prepareSolution(fence('python', 'return 2 * x\n'), humanEval)?.code).toBe(
      `${humanEval.prompt_code}    return 2 * x\n`,
    );
  });

  it('a prefix without a final newline still joins on a new line', () => {
    const spec = { ...humanEval, prompt_code: 'def double(x):\n    """Twice x."""' };
    expect(prepareSolution('    return 2 * x', spec)?.code).toBe(
      'def double(x):\n    """Twice x."""\n    return 2 * x',
    );
  });
});

describe('untrusted replies', () => {
  it('a fence cut off by the token limit still counts, up to the end of the reply', () => {
    expect(prepareSolution('```python\ndef add_one(n):\n    return n + 1', mbpp)).toMatchObject({
      choice: 'fence_entry_point',
      code: 'def add_one(n):\n    return n + 1\n',
    });
  });

  it('never throws, and the code that runs is text of the reply (plus the prefix)', () => {
    const pieces = fc.constantFrom(
      '```',
      '```python\n',
      '~~~py\n',
      '\n',
      'def add_one(n):',
      '    return 1',
      'x = 1',
      'prose ',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const reply = parts.join('');
        const solution = prepareSolution(reply, mbpp);
        if (solution === null) return;
        for (const line of solution.code.split('\n')) expect(reply).toContain(line);
      }),
    );
  });
});
