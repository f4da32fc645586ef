// Executing model-written Python: the suite's execution block, what an execution found, and the
// executor contract the browser worker (src/exec/browser) and the Node child (src/exec/node) both
// fulfil. Types are inferred from these valibot schemas; reports store `ExecutionResult`.
import * as v from 'valibot';
import { objectMessage } from '../suite/issueMessages.ts';
import { count, milliseconds, shortText } from '../validation/fields.ts';

/** Default time limit of one case's execution when neither the case nor the run sets one. */
export const DEFAULT_EXEC_TIMEOUT_MS = 5000;
/** Bounds of a time limit: long enough for real tests, short enough that a run goes on. */
export const MIN_EXEC_TIMEOUT_MS = 100;
export const MAX_EXEC_TIMEOUT_MS = 120_000;
/** Captured stdout and stderr are each kept up to this many characters. */
export const MAX_CAPTURED_CHARS = 8192;

/** A Python identifier (the function under test). */
// eslint-disable-next-line regexp/use-ignore-case -- JSON Schema cannot carry RegExp flags
const PYTHON_IDENTIFIER = /^[A-Z_a-z]\w*$/;

/** An execution time limit in milliseconds. */
export const ExecTimeoutSchema = v.pipe(
  v.number('expected a number of milliseconds'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(MIN_EXEC_TIMEOUT_MS, `must be at least ${MIN_EXEC_TIMEOUT_MS} ms`),
  v.maxValue(MAX_EXEC_TIMEOUT_MS, `must be at most ${MAX_EXEC_TIMEOUT_MS} ms`),
);

/**
 * A case's execution block. `tests` is Python: plain `assert`s (MBPP style) or a
 * `check(candidate)` function, which `entry_point` then names the candidate of (HumanEval style).
 * `prompt_code` is the code prefix the model was given (signature and docstring), `setup` runs
 * before the solution (MBPP's `test_setup_code`).
 */
export const ExecutionSpecSchema = v.strictObject(
  {
    tests: v.pipe(
      v.string('expected Python source (the tests)'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(200_000, 'must be at most 200000 characters'),
      v.description('Python that checks a solution: assert statements, or a check(candidate) function.'),
    ),
    entry_point: v.exactOptional(
      v.pipe(
        v.string('expected a Python function name'),
        v.regex(PYTHON_IDENTIFIER, 'is not a Python identifier'),
        v.maxLength(200, 'must be at most 200 characters'),
        v.description('The function under test; check(candidate) is called with it.'),
      ),
    ),
    prompt_code: v.exactOptional(
      v.pipe(
        v.string('expected Python source (the code prefix)'),
        v.maxLength(200_000, 'must be at most 200000 characters'),
        v.description('The code prefix given to the model; a completion is appended to it (HumanEval).'),
      ),
    ),
    setup: v.exactOptional(
      v.pipe(
        v.string('expected Python source (the setup code)'),
        v.maxLength(200_000, 'must be at most 200000 characters'),
        v.description("Python run before the solution (MBPP's test_setup_code)."),
      ),
    ),
    timeout_ms: v.exactOptional(
      v.pipe(ExecTimeoutSchema, v.description('Time limit of this case. Default: the run setting.')),
    ),
  },
  objectMessage('an execution block', ['tests', 'entry_point', 'prompt_code', 'setup', 'timeout_ms']),
);

export type ExecutionSpec = v.InferOutput<typeof ExecutionSpecSchema>;

/**
 * How a solution was found in a reply (the rule in the README):
 * - `fence_entry_point`: the ```python block that defines the entry point;
 * - `last_fence`: the last python block;
 * - `unfenced`: the whole reply, which has no fence and reads as Python;
 * - `none`: no code found.
 */
export const SOLUTION_CHOICES = ['fence_entry_point', 'last_fence', 'unfenced', 'none'] as const;
export type SolutionChoice = (typeof SOLUTION_CHOICES)[number];

/**
 * How the code that ran was put together: `as_written` (the solution alone), `prompt_prefix`
 * (`prompt_code` + the completion, HumanEval's rule, when the reply holds only a body or does not
 * define the entry point itself).
 */
export const ASSEMBLIES = ['as_written', 'prompt_prefix'] as const;
export type Assembly = (typeof ASSEMBLIES)[number];

/** What happened when a solution ran. */
export const EXECUTION_STATUSES = [
  'passed',
  'assertion_failed',
  'syntax_error',
  'runtime_error',
  'timeout',
  'memory',
  'exited',
  'no_code',
  'sandbox_error',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** One execution as a report stores it: the verdict, where it failed, what it printed, what ran. */
export const ExecutionResultSchema = v.strictObject({
  status: v.picklist(EXECUTION_STATUSES),
  /** Plain words: "AssertionError at line 3: assert f(2) == 4", "timed out after 5000 ms". */
  message: shortText(4000),
  /** `<solution>`, `<tests>` or `<setup>`: the file of the failing line. */
  file: v.exactOptional(shortText(40)),
  line: v.exactOptional(count),
  /** The failing line's source. */
  source: v.exactOptional(shortText(4000)),
  /** The Python exception type (`ValueError`). */
  exception: v.exactOptional(shortText(200)),
  stdout: shortText(MAX_CAPTURED_CHARS),
  stderr: shortText(MAX_CAPTURED_CHARS),
  stdoutTruncated: v.boolean(),
  stderrTruncated: v.boolean(),
  durationMs: milliseconds,
  /** The code that ran (after assembly), without the tests. */
  code: shortText(400_000),
  choice: v.picklist(SOLUTION_CHOICES),
  assembly: v.picklist(ASSEMBLIES),
});

export type ExecutionResult = v.InferOutput<typeof ExecutionResultSchema>;

/** A solution found in a reply, ready to run. */
export interface PreparedSolution {
  code: string;
  choice: Exclude<SolutionChoice, 'none'>;
  assembly: Assembly;
}

/** One execution: the prepared solution, the case's tests and the time limit that applies. */
export interface ExecutionJob {
  solution: PreparedSolution;
  spec: ExecutionSpec;
  timeoutMs: number;
}

/** What the sandbox reports; the scorer adds `code`, `choice` and `assembly` from the job. */
export type ExecutionOutcome = Omit<ExecutionResult, 'code' | 'choice' | 'assembly'>;

/**
 * Where executed code runs, for reports and the CLI's warning: `browser-worker` (an isolated worker,
 * network and storage removed) or `node-child` (a child process under Node's permission model; the
 * network stays reachable).
 */
export const ExecutorInfoSchema = v.strictObject({
  runtime: v.literal('pyodide'),
  /** The Pyodide version. */
  version: shortText(100),
  sandbox: v.picklist(['browser-worker', 'node-child']),
});
export type ExecutorInfo = v.InferOutput<typeof ExecutorInfoSchema>;

/** How a run scored beyond its suite: pass@k's k values, the execution time limit, the sandbox. */
export const ScoringSettingsSchema = v.strictObject({
  /** k values of pass@k besides 1 (see summary.passAtK). */
  passK: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))), v.maxLength(19)),
  /** Time limit of an execution when its case sets none. */
  execTimeoutMs: ExecTimeoutSchema,
  /** The sandbox that ran the code; null when no case was executed. */
  executor: v.nullable(ExecutorInfoSchema),
});
export type ScoringSettings = v.InferOutput<typeof ScoringSettingsSchema>;

/** Scoring settings of a run that sets none. */
export const DEFAULT_SCORING: Readonly<Omit<ScoringSettings, 'executor'>> = Object.freeze({
  passK: [],
  execTimeoutMs: DEFAULT_EXEC_TIMEOUT_MS,
});

/**
 * Runs Python solutions against tests in a sandbox. `execute` never rejects for anything the
 * executed code does (a loop, a memory bomb, `os._exit`, an attack on the harness): each ends in
 * an outcome. It rejects only when `signal` aborts or after `dispose`.
 */
export interface Executor {
  readonly info: ExecutorInfo;
  /** Resolves when the interpreter is loaded and can take a job. */
  ready(): Promise<void>;
  execute(job: ExecutionJob, signal?: AbortSignal): Promise<ExecutionOutcome>;
  dispose(): Promise<void>;
}
