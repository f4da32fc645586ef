// The CLI's executor: Pyodide in a child Node process under the permission model (reads of
// Pyodide's files and the child's own only; no writes, no child processes, no workers), with a
// memory cap, killed at the time limit and replaced by a pre-warmed spare.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../../core/execution/schema.ts';
import { DEFAULT_MEMORY_LIMIT_MB } from '../memoryCap.ts';
import type { JobRequest } from '../protocol.ts';
import { PooledExecutor, type PythonRuntime, type RuntimeDeath } from '../pooledExecutor.ts';

/** The Pyodide version the executor runs (the exact npm version). */
export const PYODIDE_VERSION = '314.0.7';

export interface NodeExecutorOptions {
  /** Ceiling of the interpreter's WebAssembly memory, in MiB (default 1024). */
  memoryLimitMb?: number;
  /** Ceiling of the child's JavaScript heap, in MiB (default 256). */
  maxOldSpaceMb?: number;
  /** Time after a job's limit before the child is killed (default 250 ms). */
  graceMs?: number;
  /** Keep a pre-warmed spare child (default true). */
  spare?: boolean;
  /** The built child script; found next to this module or in the package's dist-cli/ by default. */
  childScript?: string;
}

/** The line the CLI prints once before executing code. */
export function nodeSandboxWarning(): string {
  return (
    'Note: executed Python runs in a child Node process under the permission model (no file writes, ' +
    'no child processes), but it can still use the network.'
  );
}

function packageRoot(from: string): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'tabeval') return dir;
      } catch {
        // Not ours; keep climbing.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The built child script: beside the running module (dist-cli/), or the package's dist-cli/ when running from source. */
export function findChildScript(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = packageRoot(here);
  const candidates = [
    path.join(here, 'pythonChild.js'),
    path.join(here, '..', 'pythonChild.js'),
    ...(root ? [path.join(root, 'dist-cli', 'pythonChild.js')] : []),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new Error(
      `the Python child script is missing (looked in ${candidates.join(', ')}): run npm run build:cli`,
    );
  }
  return found;
}

/** Pyodide's folder in node_modules. */
export function pyodideDirectory(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
}

/** The folder of valibot, which the child's shared chunk imports (the built CLI keeps packages external). */
function valibotDirectory(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('valibot'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The Node flags of the child: the permission model, reads of exactly what it needs, a heap cap. */
export function childExecArgv(childScript: string, pyodideDir: string, maxOldSpaceMb: number): string[] {
  const childDir = path.dirname(childScript);
  return [
    '--experimental-permission',
    `--allow-fs-read=${pyodideDir}${path.sep}`,
    `--allow-fs-read=${valibotDirectory()}${path.sep}`,
    `--allow-fs-read=${childDir}${path.sep}`,
    // The module loader reads the nearest package.json to learn that .js is an ES module.
    ...[path.join(childDir, 'package.json'), path.join(path.dirname(childDir), 'package.json')].map(
      (file) => `--allow-fs-read=${file}`,
    ),
    `--max-old-space-size=${maxOldSpaceMb}`,
    '--disable-warning=ExperimentalWarning',
  ];
}

class ChildRuntime implements PythonRuntime {
  readonly died: Promise<RuntimeDeath>;
  #child: ChildProcess;
  #stderr = '';
  #killedFor: string | undefined;

  constructor(
    childScript: string,
    pyodideDir: string,
    options: Required<Omit<NodeExecutorOptions, 'childScript'>>,
  ) {
    this.#child = fork(childScript, [pyodideDir, String(options.memoryLimitMb)], {
      execArgv: childExecArgv(childScript, pyodideDir, options.maxOldSpaceMb),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.#child.stderr?.setEncoding('utf8');
    this.#child.stderr?.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-4000);
    });
    this.died = new Promise((resolve) => {
      this.#child.on('error', (err) => resolve({ cause: 'crashed', detail: err.message }));
      this.#child.on('exit', (code, signal) => {
        if (this.#killedFor !== undefined) {
          resolve({ cause: 'killed', detail: this.#killedFor });
        } else if (/heap out of memory|Out of memory|allocation failed/i.test(this.#stderr)) {
          resolve({ cause: 'memory', detail: 'the child process went over its memory limit' });
        } else {
          const how = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
          const tail = this.#stderr.trim().split('\n').slice(-3).join(' ');
          resolve({ cause: 'crashed', detail: `the child process ended (${how})${tail ? `: ${tail}` : ''}` });
        }
      });
    });
  }

  send(request: JobRequest): void {
    if (this.#child.connected) this.#child.send(request);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.#child.on('message', listener);
  }

  interrupt(): boolean {
    return false;
  }

  clearInterrupt(): void {}

  kill(detail: string): void {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    this.#killedFor ??= detail;
    this.#child.kill('SIGKILL');
  }
}

/**
 * Creates the Node executor (the CLI calls this). Children start lazily: `ready()` (or the first
 * `execute`) starts the first, and a spare follows it. Throws when the child script is missing.
 */
export async function createNodeExecutor(options: NodeExecutorOptions = {}): Promise<Executor> {
  const childScript = options.childScript ?? findChildScript();
  const pyodideDir = pyodideDirectory();
  const settings = {
    memoryLimitMb: options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB,
    maxOldSpaceMb: options.maxOldSpaceMb ?? 256,
    graceMs: options.graceMs ?? 250,
    spare: options.spare ?? true,
  };
  return new PooledExecutor(
    { runtime: 'pyodide', version: PYODIDE_VERSION, sandbox: 'node-child' },
    () => new ChildRuntime(childScript, pyodideDir, settings),
    { graceMs: settings.graceMs, spare: settings.spare },
  );
}
