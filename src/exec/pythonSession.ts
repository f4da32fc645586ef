// One loaded Pyodide, driven job by job: the harness is installed once (before any untrusted code),
// then each job's setup, solution and tests are compiled and `exec`uted from JS by calling the
// builtins directly, so no harness frame sits below the executed code and the pass is decided by
// whether those calls returned. Used inside the browser worker and the Node child alike.
import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import {
  HARNESS_PRELOAD,
  HARNESS_PYTHON,
  type HarnessJob,
  type HarnessReport,
} from '../core/execution/harness.ts';
import { MAX_CAPTURED_CHARS } from '../core/execution/schema.ts';

/** A Python callable as seen from JS. */
type PyFunction = PyProxy & ((...args: unknown[]) => unknown) & { callKwargs(...args: unknown[]): unknown };
type PyNamespace = PyProxy & { has(key: string): boolean; get(key: string): unknown };

/** Captured output of one stream, kept up to MAX_CAPTURED_CHARS characters. */
class CapturedStream {
  #parts: string[] = [];
  #length = 0;
  #truncated = false;
  #decoder = new TextDecoder();

  reset(): void {
    this.#parts = [];
    this.#length = 0;
    this.#truncated = false;
    this.#decoder = new TextDecoder();
  }

  write(bytes: Uint8Array): number {
    if (this.#truncated) return bytes.length;
    const chunk = this.#decoder.decode(bytes, { stream: true });
    const room = MAX_CAPTURED_CHARS - this.#length;
    if (chunk.length > room) {
      this.#parts.push(chunk.slice(0, room));
      this.#length = MAX_CAPTURED_CHARS;
      this.#truncated = true;
    } else {
      this.#parts.push(chunk);
      this.#length += chunk.length;
    }
    return bytes.length;
  }

  get text(): string {
    return this.#parts.join('');
  }

  get truncated(): boolean {
    return this.#truncated;
  }
}

/** A harness bound to one interpreter. `run` never throws; after a `fatal` report, `alive` is false. */
export interface PythonSession {
  readonly alive: boolean;
  run(job: HarnessJob): HarnessReport;
}

const EXIT_PATTERN = /exit\((-?\d+)\)/;

/**
 * Installs the harness into a freshly loaded Pyodide (call before any untrusted code runs) and
 * returns the session that runs jobs. Takes over the interpreter's stdin (always EOF), stdout and stderr.
 */
export function createPythonSession(pyodide: PyodideAPI): PythonSession {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream();
  pyodide.setStdin({ stdin: () => null });
  pyodide.setStdout({ write: (bytes: Uint8Array) => stdout.write(bytes) });
  pyodide.setStderr({ write: (bytes: Uint8Array) => stderr.write(bytes) });

  const scope = pyodide.toPy({}) as PyProxy;
  pyodide.runPython(HARNESS_PYTHON, { globals: scope });
  const install = (scope as PyNamespace).get('_tabeval_harness') as PyFunction;
  const helpers = install(pyodide.toPy([...HARNESS_PRELOAD])) as PyProxy & { toJs(o: object): unknown[] };
  const [begin, finish, describe] = helpers.toJs({ depth: 1 }) as [PyFunction, PyFunction, PyFunction];
  const builtins = pyodide.pyimport('builtins') as PyProxy & Record<string, PyFunction>;
  const sys = pyodide.pyimport('sys') as PyProxy & Record<string, unknown>;
  const pyCompile = builtins.compile as PyFunction;
  const pyExec = builtins.exec as PyFunction;
  const pyDict = builtins.dict as PyFunction;
  const PythonError = pyodide.ffi.PythonError;
  let alive = true;

  function step(namespace: PyNamespace, file: string, source: string): void {
    const code = pyCompile.callKwargs(source, file, 'exec', { dont_inherit: true, optimize: 0 }) as PyProxy;
    try {
      pyExec(code, namespace);
    } finally {
      code.destroy();
    }
  }

  function describeLast(): Omit<Extract<HarnessReport, { kind: 'exception' }>, keyof Captured> {
    const exc = sys.last_exc as PyProxy | undefined;
    const described = describe(exc) as PyProxy & { toJs(): unknown[] };
    const [category, exception, message, file, line, exitCode] = described.toJs() as [
      Extract<HarnessReport, { kind: 'exception' }>['category'],
      string,
      string,
      string | undefined,
      number | undefined,
      string | undefined,
    ];
    described.destroy();
    exc?.destroy();
    return {
      kind: 'exception',
      category,
      exception: clip(String(exception), 200),
      message: clip(String(message), 20_000),
      ...(typeof file === 'string' ? { file: clip(file, 40) } : {}),
      ...(typeof line === 'number' && Number.isInteger(line) && line >= 0 ? { line } : {}),
      ...(typeof exitCode === 'string' ? { exitCode: clip(exitCode, 200) } : {}),
    };
  }

  function runJob(job: HarnessJob): DistributiveOmit<HarnessReport, keyof Captured> {
    const namespace = pyDict() as PyNamespace;
    begin();
    try {
      if (job.setup) step(namespace, '<setup>', job.setup);
      step(namespace, '<solution>', job.code);
      if (job.entryPoint !== undefined && !namespace.has(job.entryPoint)) {
        return { kind: 'missing_entry_point', name: job.entryPoint };
      }
      step(namespace, '<tests>', job.tests);
      if (job.entryPoint !== undefined && namespace.has('check')) {
        const check = namespace.get('check') as PyFunction;
        const candidate = namespace.get(job.entryPoint);
        try {
          check(candidate);
        } finally {
          check.destroy?.();
          (candidate as PyProxy | undefined)?.destroy?.();
        }
      }
      return { kind: 'passed' };
    } catch (err) {
      if (err instanceof PythonError) return describeLast();
      alive = false;
      const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const exit = EXIT_PATTERN.exec(detail);
      return {
        kind: 'fatal',
        detail: clip(detail, 20_000),
        ...(exit?.[1] !== undefined && /Exit|terminated/i.test(detail) ? { exitCode: Number(exit[1]) } : {}),
      };
    } finally {
      if (alive) {
        try {
          finish(namespace);
        } catch {
          // A KeyboardInterrupt landing in the restore: the controller recycles this interpreter.
        }
      }
      namespace.destroy();
    }
  }

  return {
    get alive() {
      return alive;
    },
    run(job) {
      stdout.reset();
      stderr.reset();
      const started = performance.now();
      let result: DistributiveOmit<HarnessReport, keyof Captured>;
      if (!alive) {
        result = { kind: 'fatal', detail: 'the interpreter had already ended' };
      } else {
        result = runJob(job);
      }
      return {
        ...result,
        stdout: stdout.text,
        stderr: stderr.text,
        stdoutTruncated: stdout.truncated,
        stderrTruncated: stderr.truncated,
        durationMs: performance.now() - started,
      } as HarnessReport;
    },
  };
}

type Captured = Pick<
  HarnessReport,
  'stdout' | 'stderr' | 'stdoutTruncated' | 'stderrTruncated' | 'durationMs'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function clip(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max);
}
