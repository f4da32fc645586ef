// The scoring options `score` and `rescore` share: pass@k's k values, the code time limit, and
// the Python sandbox (Pyodide in a child Node process) for suites whose cases run code.
import { MAX_EXEC_TIMEOUT_MS, MIN_EXEC_TIMEOUT_MS, type Executor } from '../core/execution/schema.ts';
import { suiteRunsCode } from '../core/scoring/scoreExec.ts';
import type { Suite } from '../core/suite/types.ts';
import { createNodeExecutor, nodeSandboxWarning } from '../exec/node/createNodeExecutor.ts';
import { err, UsageError } from './io.ts';

/** The options, as `parseCommandArgs` takes them. */
export const SCORING_OPTIONS = {
  'pass-k': { type: 'string' },
  'exec-timeout': { type: 'string' },
  'no-exec': { type: 'boolean', default: false },
} as const;

export const scoringHelp = `  --pass-k K[,K…]     report unbiased pass@k for these k besides 1 (needs that many samples)
  --exec-timeout MS   time limit of a case's code when the case sets none (default 5000)
  --no-exec           do not run code: cases with tests get the reason "no_executor"`;

/** `--pass-k 5,10` as k values. */
export function parsePassKOption(text: string | undefined): number[] {
  if (text === undefined) return [];
  const values: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    if (!/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 100) {
      throw new UsageError(`--pass-k: "${part}" is not a whole number from 1 to 100`);
    }
    if (!values.includes(Number(part))) values.push(Number(part));
  }
  return values.sort((a, b) => a - b);
}

/** `--exec-timeout MS` as milliseconds, or undefined. */
export function parseExecTimeoutOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < MIN_EXEC_TIMEOUT_MS || ms > MAX_EXEC_TIMEOUT_MS) {
    throw new UsageError(
      `--exec-timeout: "${text}" is not a whole number of milliseconds from ${MIN_EXEC_TIMEOUT_MS} to ${MAX_EXEC_TIMEOUT_MS}`,
    );
  }
  return ms;
}

/**
 * Runs `task` with a Python sandbox when the suite has cases with tests (and `--no-exec` is not
 * given), printing once to standard error that executed code can still reach the network; the
 * sandbox is disposed afterwards whatever happens.
 */
export async function withExecutor<T>(
  suite: Suite,
  noExec: boolean,
  task: (executor: Executor | undefined) => Promise<T>,
): Promise<T> {
  if (noExec || !suiteRunsCode(suite)) return task(undefined);
  err(nodeSandboxWarning());
  const executor = await createNodeExecutor();
  try {
    await executor.ready();
    return await task(executor);
  } finally {
    await executor.dispose();
  }
}
