import { readFile } from 'node:fs/promises';

/** A failure the user can fix: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Reads a whole file as UTF-8, or standard input when `path` is undefined or "-". */
export async function readTextInput(path: string | undefined): Promise<string> {
  if (path === undefined || path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

/** Reads and parses a JSON file; a bad file is a UsageError naming it. */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readTextInput(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

const closed = new Set<NodeJS.WriteStream>();

/** Marks a stream whose reader went away (EPIPE): later writes to it are dropped. */
export function closeOutput(stream: NodeJS.WriteStream): void {
  closed.add(stream);
}

/** Writes a line to standard output (nothing once the reader has closed it). */
export function out(line: string): void {
  if (closed.has(process.stdout)) return;
  process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
}

/** Writes a line to standard error (nothing once the reader has closed it). */
export function err(line: string): void {
  if (closed.has(process.stderr)) return;
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}
