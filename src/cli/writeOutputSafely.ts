// Every file the CLI writes goes through here: an output that is one of the inputs (however
// spelled or linked) or another output is refused before anything is read or written, and the
// text goes to a temporary file in the target's folder that is renamed over the target, so a crash
// leaves the old file or the new one, never half of either.
import { randomBytes } from 'node:crypto';
import { chmod, link, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError } from './readInputText.ts';
import { UsageError } from './usageError.ts';

/** How a path is known to the file system: its real path, and its device and inode when it exists. */
interface FileIdentity {
  path: string;
  real: string;
  inode: { dev: number; ino: number } | null;
}

async function identify(path: string): Promise<FileIdentity> {
  const absolute = resolve(path);
  try {
    const real = await realpath(absolute);
    const info = await stat(real);
    return { path, real, inode: { dev: info.dev, ino: info.ino } };
  } catch {
    // Not there yet (or a dangling link): its folder's real path and its name.
    let folder = dirname(absolute);
    try {
      folder = await realpath(folder);
    } catch {
      // The folder is missing too; writing will say so.
    }
    return { path, real: join(folder, basename(absolute)), inode: null };
  }
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.real === b.real) return true;
  return a.inode !== null && b.inode !== null && a.inode.dev === b.inode.dev && a.inode.ino === b.inode.ino;
}

/**
 * Refuses outputs that would destroy an input or each other: an output that is an input (same
 * real path through symlinks, or the same device and inode through a hard link), or two outputs
 * that are one file. `-` (standard input or output) is not a file and is skipped. Throws a
 * `UsageError` naming both spellings. Call it before reading the inputs.
 */
export async function assertDistinctFiles(
  inputs: readonly string[],
  outputs: readonly string[],
): Promise<void> {
  const ins = await Promise.all(inputs.filter((p) => p !== '-').map(identify));
  const outs = await Promise.all(outputs.filter((p) => p !== '-').map(identify));
  for (const [i, output] of outs.entries()) {
    for (const input of ins) {
      if (sameFile(output, input)) {
        const how =
          output.path === input.path
            ? ''
            : ` (${output.path} is ${input.path}${output.real === input.real ? '' : ' by a hard link'})`;
        throw new UsageError(
          `refusing to write ${output.path}: it is the input ${input.path}${how}; nothing was written`,
        );
      }
    }
    for (const other of outs.slice(0, i)) {
      if (sameFile(output, other)) {
        throw new UsageError(
          `refusing to write ${output.path} and ${other.path}: they are the same file; give two different files`,
        );
      }
    }
  }
}

/** What `writeOutputSafely` did. */
export interface WriteOutcome {
  /** Bytes written. */
  bytes: number;
  /** Whether a file was there before (and is now replaced). */
  replaced: boolean;
}

/**
 * Writes `text` to `path` atomically: into a new temporary file beside the target (the real target
 * when `path` is a symlink, so the link stays a link), flushed, then renamed over it; the file's
 * mode is kept. With `overwrite: false` an existing file is never touched (the temporary file is
 * hard-linked into place, which fails when the name exists). Failures are `UsageError`s naming
 * the file; the temporary file is removed.
 */
export async function writeOutputSafely(
  path: string,
  text: string,
  options: { overwrite: boolean } = { overwrite: true },
): Promise<WriteOutcome> {
  const target = (await identify(path)).real;
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  if (mode !== undefined && !options.overwrite) {
    throw new UsageError(`${path} exists; give --force to overwrite it`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const data = Buffer.from(text, 'utf8');
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temporary, mode);
    if (options.overwrite) {
      await rename(temporary, target);
    } else {
      await link(temporary, target);
      await unlink(temporary);
    }
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    if ((e as { code?: string }).code === 'EEXIST' && !options.overwrite) {
      throw new UsageError(`${path} exists; give --force to overwrite it`);
    }
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such directory' : describeFsError(e);
    throw new UsageError(`cannot write ${path}: ${why}`);
  }
  return { bytes: data.length, replaced: mode !== undefined };
}
