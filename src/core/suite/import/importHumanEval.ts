// HumanEval JSONL → tabeval suite (OpenAI's format: task_id, prompt, canonical_solution, test, entry_point).
import { finishImport, type ImportedCase } from './finishImport.ts';
import { parseProblem } from './problemIssues.ts';
import { HumanEvalProblemSchema } from './problemSchemas.ts';
import { readJsonLines } from './readJsonLines.ts';
import type { ImportIssue, ImportOptions, ImportResult } from './types.ts';

/** What the model is asked before the prompt code of an imported HumanEval problem. */
export const HUMANEVAL_INSTRUCTIONS =
  'Complete the following Python function. Reply with the whole function, signature included, ' +
  'in one ```python code block.';

/** The system prompt of an imported HumanEval suite. */
export const HUMANEVAL_SYSTEM_PROMPT =
  'You are an expert Python programmer. Write correct Python 3 code that uses only the standard ' +
  'library, and reply with it in a single ```python code block.';

function withFinalNewline(code: string): string {
  return code.endsWith('\n') ? code : `${code}\n`;
}

/**
 * Converts HumanEval JSONL (one `{task_id, prompt, canonical_solution, test, entry_point}` object
 * per line) to a tabeval suite. Each problem becomes a case: id = task_id, prompt =
 * `HUMANEVAL_INSTRUCTIONS` + the prompt code in a python fence, execution = `{prompt_code: prompt,
 * tests: test, entry_point}`; `canonical_solution` is not part of the suite. Extra fields are
 * ignored. Returns the suite, or every problem by line and field (bad JSON, missing or mistyped
 * fields, duplicate task ids, too many lines, huge fields). Never throws.
 */
export function importHumanEval(text: string, options: ImportOptions = {}): ImportResult {
  const lines = readJsonLines(text);
  const issues: ImportIssue[] = [...lines.issues];
  const cases: ImportedCase[] = [];
  for (const record of lines.records) {
    const parsed = parseProblem(HumanEvalProblemSchema, record.value, record.line);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const problem = parsed.value;
    cases.push({
      line: record.line,
      suiteCase: {
        id: String(problem.task_id),
        category: options.category ?? 'humaneval',
        prompt: `${HUMANEVAL_INSTRUCTIONS}\n\n\`\`\`python\n${withFinalNewline(problem.prompt)}\`\`\``,
        execution: { prompt_code: problem.prompt, tests: problem.test, entry_point: problem.entry_point },
      },
    });
  }
  return finishImport(
    { format: 'humaneval', formatLabel: 'HumanEval', systemPrompt: HUMANEVAL_SYSTEM_PROMPT },
    options,
    cases,
    issues,
  );
}
