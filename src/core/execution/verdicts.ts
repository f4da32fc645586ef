// Verdicts the controlling side decides without a report from the interpreter: the run was stopped
// (time limit), or the worker or child process that ran it died.
import type { ExecutionOutcome } from './schema.ts';

const nothingCaptured = { stdout: '', stderr: '', stdoutTruncated: false, stderrTruncated: false } as const;

/** A run stopped at its time limit. Takes the limit and the time it ran; returns a `timeout` outcome. */
export function timeoutOutcome(timeoutMs: number, durationMs: number): ExecutionOutcome {
  return { status: 'timeout', message: `timed out after ${timeoutMs} ms`, ...nothingCaptured, durationMs };
}

/**
 * A run whose interpreter died: `memory` when it went over its memory limit, else `sandbox_error`.
 * `message` says what happened in plain words. Never throws.
 */
export function lostRunOutcome(
  status: 'memory' | 'sandbox_error',
  message: string,
  durationMs: number,
): ExecutionOutcome {
  const clipped = message.length <= 4000 ? message : `${message.slice(0, 3999)}…`;
  return { status, message: clipped, ...nothingCaptured, durationMs };
}
