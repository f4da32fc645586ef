// Every input file of the CLI is read here, one way: a size cap checked before reading, strict
// UTF-8 (the byte offset of the first bad byte named), a byte-order mark dropped. The app reads
// its files through the same decoder (core/validation/decodeUtf8Text.ts).
import { open } from 'node:fs/promises';
import { decodeUtf8Text } from '../core/validation/decodeUtf8Text.ts';
import { UsageError } from './usageError.ts';

const MIB = 1024 * 1024;

/** The largest file of each kind the CLI reads, in bytes (the report's: see `inputCap`). */
export const INPUT_CAPS = {
  /** The app's cap for a suite file: far above any real suite (HumanEval is 0.2 MB). */
  suite: 20 * MIB,
  /**
   * Above the app's 50 MB: what `score` writes for 100,000 cases (about 100 MB with plain outputs)
   * is read back. Reading a report takes 8 to 12 times its size in memory (measured by
   * `npm run bench -- scale`: 0.8 to 1.2 GB for 104 MB), so 256 MB stays within about 3 GB.
   */
  report: 256 * MIB,
  /** Outputs of 10,000 cases with 5 KB each, twice over. */
  outputs: 100 * MIB,
  /** One model output (`tabeval parse`). */
  text: 20 * MIB,
} as const;

/** Where a machine with more memory raises the report cap (and a test lowers it). */
export const MAX_REPORT_MB_VARIABLE = 'TABEVAL_MAX_REPORT_MB';

/**
 * V8's longest string is 512 MiB and a report is read whole: a little under it, so a file the
 * variable allows is never one the decoder cannot hold.
 */
const REPORT_CAP_CEILING_MB = 500;

/**
 * The cap of a kind of input, in bytes: `INPUT_CAPS`, except that `TABEVAL_MAX_REPORT_MB` (a whole
 * number of MB from 1 to 500) replaces the report cap. Any other value of it is a `UsageError`.
 */
export function inputCap(kind: InputKind, env: NodeJS.ProcessEnv = process.env): number {
  const given = env[MAX_REPORT_MB_VARIABLE];
  if (kind !== 'report' || given === undefined || given === '') return INPUT_CAPS[kind];
  const mb = Number(given);
  if (!/^\d+$/.test(given) || mb < 1 || mb > REPORT_CAP_CEILING_MB) {
    throw new UsageError(
      `${MAX_REPORT_MB_VARIABLE} must be a whole number of MB from 1 to ${REPORT_CAP_CEILING_MB}, got "${given}"`,
    );
  }
  return mb * MIB;
}

/** What is being read: names the file in messages and picks its cap. */
export type InputKind = keyof typeof INPUT_CAPS;

/**
 * Reads a whole input file (or standard input for `undefined` or "-") as text: refuses files over
 * the kind's cap before reading them (a file by its size, standard input as it streams), decodes
 * strict UTF-8 and drops a leading byte-order mark. Every failure is a `UsageError` naming the
 * file: missing, unreadable, too large, UTF-16, or invalid UTF-8 at a byte offset. The caps are
 * `inputCap`'s unless `caps` is given (tests lower them to try a limit without writing 256 MB).
 */
export async function readInputText(
  path: string | undefined,
  kind: InputKind,
  caps?: Readonly<Record<InputKind, number>>,
): Promise<string> {
  const cap = caps === undefined ? inputCap(kind) : caps[kind];
  const name = path === undefined || path === '-' ? 'standard input' : path;
  const bytes =
    path === undefined || path === '-' ? await readStdin(cap, kind) : await readFileCapped(path, cap, kind);
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) throw new UsageError(`${name} ${decoded.message}`);
  return decoded.text;
}

/** What to do about a file over its cap, by kind. */
const TOO_LARGE_HINTS: Record<InputKind, string> = {
  suite: 'split the suite into smaller ones',
  report: `score the outputs in parts (e.g. one run per category) and compare the reports, or, with about 12 times the file's size of memory free, set ${MAX_REPORT_MB_VARIABLE} (up to ${REPORT_CAP_CEILING_MB})`,
  outputs: 'split the outputs into smaller files (by case id) and score each',
  text: 'give a shorter text',
};

function tooLarge(name: string, size: number, cap: number, kind: InputKind): UsageError {
  const mb = (bytes: number) => (bytes / MIB).toFixed(1);
  return new UsageError(
    `${name} is too large: ${size > cap ? `${mb(size)} MB` : `over ${mb(cap)} MB`}; ${kind} files over ${mb(cap)} MB are not read: ${TOO_LARGE_HINTS[kind]}`,
  );
}

async function readStdin(cap: number, kind: InputKind): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > cap) throw tooLarge('standard input', size, cap, kind);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readFileCapped(path: string, cap: number, kind: InputKind): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${describeFsError(e)}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new UsageError(`cannot read ${path}: is a directory`);
    if (info.size > cap) throw tooLarge(path, info.size, cap, kind);
    // A FIFO or a file still growing reports a size that may be wrong: read in chunks up to the cap.
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(info.size + 1, cap + 1) - size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > cap) throw tooLarge(path, size, cap, kind);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${path}: ${describeFsError(e)}`);
  } finally {
    await handle.close();
  }
}

/** A file-system error in words (`no such file`), for messages that already name the file. */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
