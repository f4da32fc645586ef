import { locateJsonError } from '../core/validation/locateJsonError.ts';
import { readInputText, type InputKind } from './readInputText.ts';
import { UsageError } from './usageError.ts';

export { UsageError };

/**
 * Reads a whole file as UTF-8, or standard input when `path` is undefined or "-"; see
 * `readInputText` (size cap of `kind`, strict UTF-8, byte-order mark dropped).
 */
export async function readTextInput(path: string | undefined, kind: InputKind = 'text'): Promise<string> {
  return readInputText(path, kind);
}

/** Reads and parses a JSON file; a bad file is a UsageError naming it and where the JSON breaks. */
export async function readJsonFile(path: string, kind: InputKind = 'text'): Promise<unknown> {
  const text = await readInputText(path, kind);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = locateJsonError(text);
    throw new UsageError(
      at === undefined
        ? `${path} is not valid JSON: ${(e as Error).message}`
        : `${path} is not valid JSON: line ${at.line}, column ${at.column}: ${at.reason}`,
    );
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

/** Text gathered before one write: large enough that 100,000 pieces are a few hundred writes. */
const WRITE_BATCH_CHARS = 1 << 20;

/**
 * Writes pieces of text to standard output as they come, about 1 MB a write, waiting when the
 * reader is slower (so a report of any size never sits whole in memory as one string). Stops
 * quietly once the reader has gone away. Resolves with the UTF-8 bytes written.
 */
export async function outChunks(chunks: Iterable<string>): Promise<number> {
  const stream = process.stdout;
  let bytes = 0;
  let batch = '';
  const flush = async () => {
    if (closed.has(stream) || batch === '') return;
    bytes += Buffer.byteLength(batch);
    const ready = stream.write(batch);
    batch = '';
    if (!ready && !closed.has(stream)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          stream.off('close', done);
          resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
        stream.on('close', done);
      });
    }
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= WRITE_BATCH_CHARS) await flush();
  }
  await flush();
  return bytes;
}
