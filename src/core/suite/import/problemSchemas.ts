// The records of the JSONL formats people already have, as valibot schemas. They are loose:
// extra fields (EvalPlus adds some, sanitized MBPP others) are ignored, not errors. Text fields are
// bounded so one huge field is a message, not a suite the page cannot hold.
import * as v from 'valibot';
import { expected, objectMessage } from '../issueMessages.ts';
import { MAX_IMPORT_FIELD_CHARS, MAX_IMPORT_TESTS } from './importLimits.ts';

function boundedText(what: string) {
  return v.pipe(
    v.string(expected(what)),
    v.maxLength(
      MAX_IMPORT_FIELD_CHARS,
      (issue) => `is ${String(issue.received)} characters long; at most ${MAX_IMPORT_FIELD_CHARS}`,
    ),
  );
}

function nonEmptyBoundedText(what: string) {
  return v.pipe(boundedText(what), v.minLength(1, 'must not be empty'));
}

/** A task id: a non-empty string (`HumanEval/0`) or a whole number (MBPP's `11`). */
export const TaskIdSchema = v.union(
  [
    v.pipe(
      v.string(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(200, 'must be at most 200 characters'),
    ),
    v.pipe(
      v.number(),
      v.integer('must be a whole number'),
      v.minValue(0, 'must not be negative'),
      v.maxValue(Number.MAX_SAFE_INTEGER, 'is too large'),
    ),
  ],
  expected('a task id (a string of at most 200 characters, or a whole number)'),
);

const HUMANEVAL_FIELDS = ['task_id', 'prompt', 'canonical_solution', 'test', 'entry_point'];

/** One HumanEval problem: the prompt code, the tests (`check(candidate)`) and the function's name. */
export const HumanEvalProblemSchema = v.looseObject(
  {
    task_id: TaskIdSchema,
    prompt: nonEmptyBoundedText('the prompt code (a string)'),
    canonical_solution: v.exactOptional(boundedText('the canonical solution (a string)')),
    test: nonEmptyBoundedText('the tests (a string)'),
    entry_point: v.pipe(
      nonEmptyBoundedText('the name of the function under test (a string)'),
      // The suite format's rule (execution/schema.ts), checked here so the line can be named.
      v.regex(/^[a-z_]\w*$/i, 'is not a Python identifier'),
    ),
  },
  objectMessage('a HumanEval problem', HUMANEVAL_FIELDS),
);

export type HumanEvalProblem = v.InferOutput<typeof HumanEvalProblemSchema>;

function testList(what: string) {
  return v.pipe(
    v.array(nonEmptyBoundedText('an assert statement (a string)'), expected(`${what} (a list of strings)`)),
    v.maxLength(MAX_IMPORT_TESTS, `must hold at most ${MAX_IMPORT_TESTS} tests`),
  );
}

const MBPP_FIELDS = ['task_id', 'text', 'code', 'test_list', 'test_setup_code', 'challenge_test_list'];

/**
 * One MBPP problem. The original release calls the task `text` and the setup `test_setup_code`;
 * the sanitized release calls them `prompt` and `test_imports` (a list). Either is accepted.
 */
export const MbppProblemSchema = v.looseObject(
  {
    task_id: TaskIdSchema,
    text: v.exactOptional(nonEmptyBoundedText('the task (a string)')),
    prompt: v.exactOptional(nonEmptyBoundedText('the task (a string)')),
    code: v.exactOptional(boundedText('the reference solution (a string)')),
    test_list: v.pipe(testList('the tests'), v.minLength(1, 'must hold at least one assert')),
    test_setup_code: v.exactOptional(boundedText('setup code (a string)')),
    test_imports: v.exactOptional(
      v.array(boundedText('an import statement (a string)'), expected('a list of import statements')),
    ),
    challenge_test_list: v.exactOptional(testList('the challenge tests')),
  },
  objectMessage('an MBPP problem', MBPP_FIELDS),
);

export type MbppProblem = v.InferOutput<typeof MbppProblemSchema>;
