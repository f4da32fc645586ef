// The execution harness, shared by the browser worker and the Node child: the Python half (source
// text), what a runtime reports for one job (`HarnessReport`, validated where it arrives) and
// `interpretOutcome`, which turns that report into a verdict in plain words. Verdicts are decided
// here, on the controlling side, never inside the interpreter that ran the code.
import * as v from 'valibot';
import { MAX_CAPTURED_CHARS, type ExecutionOutcome, type ExecutionSpec } from './schema.ts';

export { HARNESS_PYTHON, HARNESS_PRELOAD } from './harnessPython.ts';

/** What the runtime hands the harness for one job. */
export interface HarnessJob {
  setup?: string;
  code: string;
  tests: string;
  entryPoint?: string;
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const captured = {
  stdout: text(MAX_CAPTURED_CHARS),
  stderr: text(MAX_CAPTURED_CHARS),
  stdoutTruncated: v.boolean(),
  stderrTruncated: v.boolean(),
  durationMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
};

/** Python exception categories the harness tells apart. */
export const EXCEPTION_CATEGORIES = ['assertion', 'syntax', 'interrupt', 'memory', 'exit', 'other'] as const;

/**
 * One job's report from a runtime: `passed` (every step returned), `missing_entry_point`,
 * `exception` (described by the harness), or `fatal` (the interpreter itself ended: `os._exit`, a
 * crash), after which the runtime is unusable.
 */
export const HarnessReportSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('passed'), ...captured }),
  v.strictObject({ kind: v.literal('missing_entry_point'), name: text(200), ...captured }),
  v.strictObject({
    kind: v.literal('exception'),
    category: v.picklist(EXCEPTION_CATEGORIES),
    exception: text(200),
    message: text(20_000),
    file: v.exactOptional(text(40)),
    line: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    exitCode: v.exactOptional(text(200)),
    ...captured,
  }),
  v.strictObject({
    kind: v.literal('fatal'),
    detail: text(20_000),
    exitCode: v.exactOptional(v.pipe(v.number(), v.integer())),
    ...captured,
  }),
]);
export type HarnessReport = v.InferOutput<typeof HarnessReportSchema>;

/** What the controller knows beyond the report. */
export interface OutcomeContext {
  spec: ExecutionSpec;
  /** The assembled solution that ran. */
  code: string;
  timeoutMs: number;
  /** The controller interrupted the run (KeyboardInterrupt through the interrupt buffer). */
  interrupted: boolean;
}

const FILE_WORDS: Record<string, string> = {
  '<setup>': 'the setup code',
  '<solution>': 'the solution',
  '<tests>': 'the tests',
};

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function sourceLine(
  context: OutcomeContext,
  file: string | undefined,
  line: number | undefined,
): string | undefined {
  if (file === undefined || line === undefined || line < 1) return undefined;
  const sources: Record<string, string | undefined> = {
    '<setup>': context.spec.setup,
    '<solution>': context.code,
    '<tests>': context.spec.tests,
  };
  const lineText = sources[file]?.split('\n')[line - 1]?.trim();
  return lineText ? clip(lineText, 4000) : undefined;
}

function where(file: string | undefined, line: number | undefined): string {
  if (file === undefined) return '';
  const words = FILE_WORDS[file] ?? file;
  return line === undefined ? ` in ${words}` : ` at line ${line} of ${words}`;
}

function capturedPart(report: HarnessReport): Omit<ExecutionOutcome, 'status' | 'message'> {
  return {
    stdout: report.stdout,
    stderr: report.stderr,
    stdoutTruncated: report.stdoutTruncated,
    stderrTruncated: report.stderrTruncated,
    durationMs: report.durationMs,
  };
}

/**
 * Turns a runtime's report into a verdict with reasons in plain words. Takes the report (already
 * validated against `HarnessReportSchema`) and the job's context; returns the outcome. Never throws.
 */
export function interpretOutcome(report: HarnessReport, context: OutcomeContext): ExecutionOutcome {
  const base = capturedPart(report);
  switch (report.kind) {
    case 'passed':
      return { status: 'passed', message: 'all tests passed', ...base };
    case 'missing_entry_point':
      return {
        status: 'runtime_error',
        message: `the solution does not define \`${report.name}\``,
        exception: 'NameError',
        file: '<solution>',
        ...base,
      };
    case 'fatal':
      if (report.exitCode !== undefined) {
        return {
          status: 'exited',
          message: `the code ended the interpreter with os._exit(${report.exitCode})`,
          ...base,
        };
      }
      return {
        status: 'sandbox_error',
        message: clip(`the Python interpreter failed: ${report.detail}`, 4000),
        ...base,
      };
    case 'exception':
      return interpretException(report, context, base);
  }
}

function interpretException(
  report: Extract<HarnessReport, { kind: 'exception' }>,
  context: OutcomeContext,
  base: Omit<ExecutionOutcome, 'status' | 'message'>,
): ExecutionOutcome {
  const location = {
    ...(report.file !== undefined ? { file: report.file } : {}),
    ...(report.line !== undefined ? { line: report.line } : {}),
  };
  const source = sourceLine(context, report.file, report.line);
  const detail = report.message ? `: ${report.message}` : '';
  const withSource = {
    ...location,
    ...(source !== undefined ? { source } : {}),
    exception: report.exception,
  };
  switch (report.category) {
    case 'assertion': {
      const shown = source !== undefined ? `: ${source}` : '';
      const why = report.message ? ` (${report.message})` : '';
      const message = clip(`assertion failed${where(report.file, report.line)}${shown}${why}`, 4000);
      return { status: 'assertion_failed', message, ...withSource, ...base };
    }
    case 'syntax':
      return {
        status: 'syntax_error',
        message: clip(`${report.exception}${where(report.file, report.line)}${detail}`, 4000),
        ...withSource,
        ...base,
      };
    case 'interrupt':
      if (context.interrupted) {
        return { status: 'timeout', message: `timed out after ${context.timeoutMs} ms`, ...base };
      }
      break;
    case 'memory':
      return { status: 'memory', message: 'ran out of memory (MemoryError)', ...withSource, ...base };
    case 'exit': {
      const code = report.exitCode === undefined ? '' : report.exitCode;
      return {
        status: 'exited',
        message: `the code called sys.exit(${code}) (or exit/quit) instead of returning`,
        ...withSource,
        ...base,
      };
    }
    case 'other':
      break;
  }
  return {
    status: 'runtime_error',
    message: clip(`${report.exception}${where(report.file, report.line)}${detail}`, 4000),
    ...withSource,
    ...base,
  };
}
