// Plain words for an execution record, shared by the results view, the HTML report and the CLI.
import type { Assembly, ExecutionResult, ExecutionStatus, SolutionChoice } from './schema.ts';

const STATUS_WORDS: Readonly<Record<ExecutionStatus, string>> = {
  passed: 'passed the tests',
  assertion_failed: 'failed an assertion',
  syntax_error: 'syntax error',
  runtime_error: 'runtime error',
  timeout: 'timed out',
  memory: 'ran out of memory',
  exited: 'exited before the tests finished',
  no_code: 'no code found',
  sandbox_error: 'the sandbox failed',
};

const CHOICE_WORDS: Readonly<Record<SolutionChoice, string>> = {
  fence_entry_point: 'the python block that defines the entry point',
  last_fence: 'the last python block',
  unfenced: 'the whole reply (no fenced block; it reads as Python)',
  none: 'no code was found in the reply',
};

const ASSEMBLY_WORDS: Readonly<Record<Assembly, string>> = {
  as_written: 'run as written',
  prompt_prefix: "appended to the case's prompt code (HumanEval's rule)",
};

/** The status in words: "failed an assertion". */
export function describeStatus(status: ExecutionStatus): string {
  return STATUS_WORDS[status];
}

/** Which code ran and how it was put together, in one sentence. */
export function describeSolution(result: Pick<ExecutionResult, 'choice' | 'assembly'>): string {
  if (result.choice === 'none') return CHOICE_WORDS.none;
  return `Ran ${CHOICE_WORDS[result.choice]}, ${ASSEMBLY_WORDS[result.assembly]}.`;
}

/** Where it failed: "<tests> line 3: assert f(2) == 4", or null when no line is known. */
export function describeLocation(result: Pick<ExecutionResult, 'file' | 'line' | 'source'>): string | null {
  if (result.line === undefined) return null;
  const where = `${result.file ?? '<solution>'} line ${result.line}`;
  return result.source === undefined || result.source.trim() === ''
    ? where
    : `${where}: ${result.source.trim()}`;
}
