/** Exit codes of `tabeval run`, as documented in its help and the README. */
export const RUN_EXIT = {
  /** The run finished and every gate passed. */
  ok: 0,
  /** A gate failed: --min-score, or --baseline with --max-drop. */
  gateFailed: 1,
  /** Bad usage or input: options, suite, report or baseline files (nothing ran). */
  usage: 2,
  /** The engine could not start, the server went away mid-run (partial report written), or every case failed in the engine. */
  engineFailed: 3,
  /** --engine webllm: the browser has no WebGPU. */
  noWebGpu: 4,
  /** Stopped by Ctrl-C or SIGTERM: the partial report was written; continue with --resume. */
  interrupted: 130,
} as const;

export const runExitHelp = `Exit codes:
  0    the run finished and every gate passed
  1    a gate failed (--min-score, or --baseline with --max-drop); the reason is printed
  2    bad usage or input (an option, the suite, the report or baseline file); nothing ran
  3    the engine could not start (server unreachable, key refused, unknown model: the message
       says what to do), the server stopped answering during the run (the partial report is
       written; continue with --resume), or every case failed in the engine
  4    --engine webllm: the browser has no WebGPU
  130  stopped by Ctrl-C or SIGTERM: the partial report was written; continue with --resume`;
