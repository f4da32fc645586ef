// `tabeval suite import`: HumanEval, MBPP or BFCL JSON Lines (plain or gzip) → a tabeval suite file, with the
// same importers the run page uses (src/core/suite/import).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeSuiteBytes } from '../../core/suite/import/decodeSuiteBytes.ts';
import { detectSuiteFormat } from '../../core/suite/import/detectSuiteFormat.ts';
import { readSuiteText, SUITE_FORMAT_LABELS } from '../../core/suite/import/readSuiteText.ts';
import type { ImportOptions } from '../../core/suite/import/types.ts';
import { suiteHash } from '../../core/suite/suiteHash.ts';
import { parseCommandArgs } from '../parseCommandArgs.ts';
import { err, out, UsageError } from '../io.ts';
import { assertDistinctFiles, writeOutputSafely } from '../writeOutputSafely.ts';

/** Largest input file read, compressed or not. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export const suiteImportHelp = `tabeval suite import [--from humaneval|mbpp|bfcl] FILE [ANSWERS] [-o suite.json] [--force]
  Converts HumanEval JSONL (task_id, prompt, canonical_solution, test, entry_point), MBPP JSONL
  (task_id, text, code, test_list, test_setup_code) or BFCL data (a questions file: id, question,
  function; and its possible-answers file ANSWERS: id, ground_truth; irrelevance needs none) to a
  tabeval suite. FILE may be gzipped (.gz, recognised by its content) or "-" for standard input.
  Without --from the format is detected. BFCL: what the suite format cannot express is listed per
  case on standard error.
  -o FILE       where to write the suite; "-" or none: standard output
  --force       overwrite an existing output file
  --id ID, --version V, --description TEXT, --category NAME
                the suite's header and the cases' category (defaults: from the file name and format)
  --challenge-tests
                MBPP: also run challenge_test_list
  Exit 0 when imported, 1 when the file has problems (each listed by line and field), 2 on usage errors.`;

async function readInputBytes(path: string): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_INPUT_BYTES) throw new UsageError(`standard input is over ${MAX_INPUT_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`${path} is over ${MAX_INPUT_BYTES} bytes`);
    return bytes;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e);
    throw new UsageError(`cannot read ${path}: ${reason}`);
  }
}

/** `tabeval suite import ...args` (the words after "import"). */
export async function runSuiteImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('suite import', args, {
    from: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    id: { type: 'string' },
    version: { type: 'string' },
    description: { type: 'string' },
    category: { type: 'string' },
    'challenge-tests': { type: 'boolean' },
  });
  const [file, answersFile, ...extra] = positionals;
  if (file === undefined)
    throw new UsageError('expected "suite import [--from humaneval|mbpp|bfcl] FILE [ANSWERS]"');
  if (extra.length > 0) throw new UsageError(`expected at most two input files, got also ${extra.join(' ')}`);
  const from = values.from;
  if (from !== undefined && from !== 'humaneval' && from !== 'mbpp' && from !== 'bfcl') {
    throw new UsageError(`--from must be humaneval, mbpp or bfcl, not "${from}"`);
  }

  const inputs = answersFile === undefined ? [file] : [file, answersFile];
  if (values.output !== undefined) await assertDistinctFiles(inputs, [values.output]);
  const decoded = decodeSuiteBytes(await readInputBytes(file));
  if (!decoded.ok) {
    err(`${file} ${decoded.message}`);
    return 1;
  }
  const format = from ?? detectSuiteFormat(decoded.text);
  if (answersFile !== undefined && format !== 'bfcl') {
    throw new UsageError(
      `a second file (${answersFile}) is only taken with BFCL questions; ${file} is not one (give --from bfcl if it is)`,
    );
  }
  let answers: string | undefined;
  if (answersFile !== undefined) {
    if (answersFile === '-' && file === '-')
      throw new UsageError('only one of the files can be standard input');
    const decodedAnswers = decodeSuiteBytes(await readInputBytes(answersFile));
    if (!decodedAnswers.ok) {
      err(`${answersFile} ${decodedAnswers.message}`);
      return 1;
    }
    answers = decodedAnswers.text;
  }
  const options: ImportOptions = {
    ...(file === '-' ? {} : { fileName: basename(file) }),
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values.version === undefined ? {} : { version: values.version }),
    ...(values.description === undefined ? {} : { description: values.description }),
    ...(values.category === undefined ? {} : { category: values.category }),
    ...(values['challenge-tests'] === true ? { challengeTests: true } : {}),
    ...(answers === undefined ? {} : { bfclAnswers: answers }),
  };
  const result = readSuiteText(decoded.text, options, from);
  if (result.format === 'tabeval') {
    throw new UsageError(`${file} is already a tabeval suite; check it with "tabeval suite validate"`);
  }
  if (!result.ok) {
    const what = result.format === undefined ? 'a known format' : SUITE_FORMAT_LABELS[result.format];
    const n = result.issues.length;
    err(`${file}: cannot import as ${what}, ${n} ${n === 1 ? 'problem' : 'problems'}:`);
    for (const issue of result.issues) err(`  ${issue.path}: ${issue.message}`);
    const detected = detectSuiteFormat(decoded.text);
    if (from !== undefined && detected !== undefined && detected !== from) {
      err(`${file} looks like ${SUITE_FORMAT_LABELS[detected]}: try --from ${detected}, or leave --from out`);
    }
    return 1;
  }
  const suite = result.suite;
  if (result.notes.length > 0) {
    const n = result.notes.length;
    err(`${n} ${n === 1 ? 'note' : 'notes'}: what the suite format cannot express, by case:`);
    for (const note of result.notes) err(`  ${note.path}: ${note.message}`);
  }
  const text = `${JSON.stringify(suite, null, 2)}\n`;
  const output = values.output;
  if (output === undefined || output === '-') out(text);
  else await writeOutputSafely(output, text, { overwrite: values.force === true });
  err(
    `Imported ${suite.cases.length} ${SUITE_FORMAT_LABELS[result.format].replace(/ (?:JSONL|JSON Lines)$/, '')} problems` +
      `${decoded.gzipped ? ' (gzip)' : ''} from ${file} as suite ${suite.id} ${suite.version}` +
      `${output === undefined || output === '-' ? '' : ` → ${output}`}; sha256 ${await suiteHash(suite)}`,
  );
  return 0;
}
