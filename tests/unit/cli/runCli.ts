// Runs the built CLI (dist-cli/main.js, built by tests/unit/globalSetup.ts) as a child process.
import { execFile } from 'node:child_process';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tabeval ...args` with `stdin` on standard input; resolves with the exit code and both streams. */
export function tabeval(args: readonly string[], stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['dist-cli/main.js', ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}
