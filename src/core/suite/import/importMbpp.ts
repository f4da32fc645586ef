// MBPP JSONL → tabeval suite (Google's format: task_id, text, code, test_list, test_setup_code).
import { finishImport, type ImportedCase } from './finishImport.ts';
import { parseProblem } from './problemIssues.ts';
import { MbppProblemSchema, type MbppProblem } from './problemSchemas.ts';
import { linePath, readJsonLines } from './readJsonLines.ts';
import type { ImportIssue, ImportOptions, ImportResult } from './types.ts';

/** The system prompt of an imported MBPP suite (the paper's "You are an expert Python programmer"). */
export const MBPP_SYSTEM_PROMPT =
  'You are an expert Python programmer. Reply with your solution in a single ```python code block.';

/** The MBPP paper's prompt: the task, then the tests the code must pass. */
export function mbppPrompt(task: string, tests: readonly string[]): string {
  return `${task.trim()} Your code should pass these tests:\n\n${tests.join('\n')}`;
}

function setupOf(problem: MbppProblem): string | undefined {
  const setup = problem.test_setup_code ?? (problem.test_imports ?? []).join('\n');
  return setup.trim() === '' ? undefined : setup;
}

/**
 * Converts MBPP JSONL (one `{task_id, text, code, test_list, test_setup_code,
 * challenge_test_list?}` object per line; the sanitized release's `prompt` and `test_imports` are
 * accepted too) to a tabeval suite. Each problem becomes a case: id = `mbpp/<task_id>` for a
 * numeric id (else the id), prompt = `mbppPrompt(text, test_list)`, execution = `{tests: the
 * asserts, one per line, setup: test_setup_code when not blank}`; with `challengeTests` the
 * challenge asserts are run too (not shown). Returns the suite, or every problem by line and field.
 * Never throws.
 */
export function importMbpp(text: string, options: ImportOptions = {}): ImportResult {
  const lines = readJsonLines(text);
  const issues: ImportIssue[] = [...lines.issues];
  const cases: ImportedCase[] = [];
  for (const record of lines.records) {
    const parsed = parseProblem(MbppProblemSchema, record.value, record.line);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const problem = parsed.value;
    const task = problem.text ?? problem.prompt;
    if (task === undefined) {
      issues.push({
        path: linePath(record.line, 'text'),
        message: "missing required field 'text' (the task)",
      });
      continue;
    }
    const tests = [
      ...problem.test_list,
      ...(options.challengeTests === true ? (problem.challenge_test_list ?? []) : []),
    ];
    const setup = setupOf(problem);
    cases.push({
      line: record.line,
      suiteCase: {
        id: typeof problem.task_id === 'number' ? `mbpp/${problem.task_id}` : problem.task_id,
        category: options.category ?? 'mbpp',
        prompt: mbppPrompt(task, problem.test_list),
        execution: { tests: `${tests.join('\n')}\n`, ...(setup === undefined ? {} : { setup }) },
      },
    });
  }
  return finishImport(
    { format: 'mbpp', formatLabel: 'MBPP', systemPrompt: MBPP_SYSTEM_PROMPT },
    options,
    cases,
    issues,
  );
}
