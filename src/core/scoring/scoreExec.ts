// The exec scorer: runs the solution in a reply against the case's Python tests in the sandbox the
// page or the CLI provides (ScoringServices.executor). Which code runs is prepareSolution's rule.
import { prepareSolution } from '../execution/prepareSolution.ts';
import { DEFAULT_EXEC_TIMEOUT_MS, type ExecutionResult, type ExecutionSpec } from '../execution/schema.ts';
import type { Suite } from '../suite/types.ts';
import { defineScorer, type ScorerOutcome, type ScoringServices } from './scorer.ts';

function noCode(): ExecutionResult {
  return {
    status: 'no_code',
    message: 'no Python code found in the reply',
    stdout: '',
    stderr: '',
    stdoutTruncated: false,
    stderrTruncated: false,
    durationMs: 0,
    code: '',
    choice: 'none',
    assembly: 'as_written',
  };
}

/** One line of a message, for a reason code (the full message stays in the execution record). */
function reasonDetail(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Executes `output`'s solution against `spec`. Passed only when the sandbox says `passed`. The
 * reason is `<status>:<first line of the message>`; `no_executor` when no sandbox is available.
 * Never rejects: a sandbox failure is the verdict `sandbox_error`.
 */
export async function scoreExec(
  spec: ExecutionSpec,
  output: string,
  services: ScoringServices,
): Promise<ScorerOutcome> {
  const solution = prepareSolution(output, spec);
  if (solution === null) {
    const execution = noCode();
    return { score: 0, passed: false, reasons: [`no_code`], execution };
  }
  const executor = services.executor;
  if (executor === undefined) return { score: 0, passed: false, reasons: ['no_executor'] };
  const timeoutMs = spec.timeout_ms ?? services.execTimeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
  let execution: ExecutionResult;
  try {
    const outcome = await executor.execute({ solution, spec, timeoutMs });
    execution = { ...outcome, code: solution.code, choice: solution.choice, assembly: solution.assembly };
  } catch (error) {
    execution = {
      ...noCode(),
      status: 'sandbox_error',
      message: `the Python sandbox failed: ${error instanceof Error ? error.message : String(error)}`,
      code: solution.code,
      choice: solution.choice,
      assembly: solution.assembly,
    };
  }
  const passed = execution.status === 'passed';
  return {
    score: passed ? 1 : 0,
    passed,
    reasons: passed ? [] : [`${execution.status}:${reasonDetail(execution.message)}`],
    execution,
  };
}

const detail = (prefix: string) => (text: string) => (text === '' ? prefix : `${prefix}: ${text}`);

/** Whether a suite needs a Python sandbox: some case has tests to run (the exec scorer applies). */
export function suiteRunsCode(suite: Pick<Suite, 'cases'>): boolean {
  return suite.cases.some((c) => execScorer.applies(c));
}

/** The exec scorer, for cases with an execution block. */
export const execScorer = defineScorer({
  kind: 'exec',
  label: 'Tests',
  describe: "The reply's Python solution was run against the case's tests in a sandbox and passed them.",
  applies: (c) => c.execution !== undefined,
  score: ({ testCase, output, services }) =>
    testCase.execution === undefined
      ? { score: 0, passed: false, reasons: ['no_tests'] }
      : scoreExec(testCase.execution, output, services),
  reasons: {
    no_code: () => 'no Python code found in the reply',
    no_executor: () => 'the code was not run: no Python sandbox was available',
    no_tests: () => 'the case has no tests',
    assertion_failed: detail('failed an assertion'),
    syntax_error: detail('syntax error'),
    runtime_error: detail('runtime error'),
    timeout: detail('timed out'),
    memory: detail('ran out of memory'),
    exited: detail('exited before the tests finished'),
    sandbox_error: detail('the sandbox failed'),
  },
});
