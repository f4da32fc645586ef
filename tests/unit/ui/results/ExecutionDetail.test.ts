// @vitest-environment jsdom
// The execution drill-down: the verdict in words, where it failed, the code that ran and what it
// printed — all model-caused text, shown as text.
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import VerdictList from '../../../../src/ui/results/VerdictList.svelte';
import { ExecutionResultSchema, type ExecutionResult } from '../../../../src/core/execution/schema.ts';
import type { Verdict } from '../../../../src/core/report/schema.ts';

afterEach(cleanup);

const SCRIPT = '<script>window.pwned = 1</script><img src=x onerror=alert(1)>';

const failed: ExecutionResult = v.parse(ExecutionResultSchema, {
  status: 'assertion_failed',
  message: 'AssertionError at <tests> line 3',
  file: '<tests>',
  line: 3,
  source: '    assert candidate([]) == 0',
  exception: 'AssertionError',
  stdout: `debug ${SCRIPT}\n`,
  stderr: '',
  stdoutTruncated: true,
  stderrTruncated: false,
  durationMs: 4,
  code: `def total(xs):\n    return sum(xs) + 1  # ${SCRIPT}\n`,
  choice: 'fence_entry_point',
  assembly: 'as_written',
});

function verdict(execution: ExecutionResult): Verdict {
  const passed = execution.status === 'passed';
  return {
    scorer: 'exec',
    score: passed ? 1 : 0,
    passed,
    reasons: passed ? [] : ['assertion_failed:x'],
    execution,
  };
}

describe('the execution drill-down', () => {
  it('says what failed and where, which code ran, and what it printed, as text', () => {
    const { container } = render(VerdictList, { verdicts: [verdict(failed)] });
    expect(screen.getByText('failed an assertion')).toBeTruthy();
    expect(screen.getByTestId('execution-location').textContent).toBe(
      '<tests> line 3: assert candidate([]) == 0',
    );
    expect(
      screen.getByText(/Ran the python block that defines the entry point, run as written/),
    ).toBeTruthy();
    expect(screen.getByTestId('execution-stdout').textContent).toBe(`debug ${SCRIPT}\n`);
    expect(screen.getByText('stdout (cut at 8 KB)')).toBeTruthy();
    expect(container.textContent).toContain('return sum(xs) + 1');
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.queryByTestId('execution-stderr')).toBeNull();
  });

  it('a pass shows no failure message; no code found says so', () => {
    render(VerdictList, {
      verdicts: [
        verdict({ ...failed, status: 'passed', message: 'passed', stdout: '', stdoutTruncated: false }),
        verdict({ ...failed, status: 'no_code', message: 'no Python code found', code: '', choice: 'none' }),
      ],
    });
    const [pass, none] = screen.getAllByTestId('case-execution');
    expect(pass?.dataset['status']).toBe('passed');
    expect(pass?.querySelector('[data-testid="execution-message"]')).toBeNull();
    expect(none?.textContent).toContain('no code was found in the reply');
  });
});
