import { parseSuiteJson } from '../../core/suite/parseSuiteJson.ts';
import { decodeSuiteBytes } from '../../core/suite/import/decodeSuiteBytes.ts';
import { readSuiteText, SUITE_FORMAT_LABELS } from '../../core/suite/import/readSuiteText.ts';
import { isBfclAnswersText } from '../../core/suite/import/detectSuiteFormat.ts';
import type { Suite, SuiteIssue } from '../../core/suite/types.ts';

// Bundled suites are separate chunks, fetched only when chosen.
const bundled = import.meta.glob<unknown>(['../../../suites/*.json', '!../../../suites/schema.json'], {
  import: 'default',
});

/** Ids (file names) of the suites shipped with the site. */
export const bundledSuiteIds: string[] = Object.keys(bundled)
  .map((path) => path.replace(/^.*\//, '').replace(/\.json$/, ''))
  .sort();

/** A loaded suite (with `note` saying what was converted, for imported files), or why not. */
export type LoadedSuite =
  { ok: true; suite: Suite; note?: string; notes?: string[] } | { ok: false; message: string };

/** Largest suite file the page reads (compressed size for .gz; the decompressed text is bounded too). */
const MAX_SUITE_FILE_BYTES = 20 * 1024 * 1024;

/** Loads and validates a bundled suite by id. */
export async function loadBundledSuite(id: string): Promise<LoadedSuite> {
  const load = Object.entries(bundled).find(([path]) => path.endsWith(`/${id}.json`))?.[1];
  if (!load) return { ok: false, message: `No bundled suite "${id}".` };
  return fromText(JSON.stringify(await load()), id);
}

/** Fetches a suite from a URL and validates it. */
export async function loadSuiteFromUrl(url: string): Promise<LoadedSuite> {
  let parsed: URL;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return { ok: false, message: `"${url}" is not a URL.` };
  }
  try {
    const response = await fetch(parsed);
    if (!response.ok) return { ok: false, message: `${parsed.href} answered HTTP ${response.status}.` };
    return fromText(await response.text(), parsed.href);
  } catch (e) {
    return {
      ok: false,
      message:
        `${parsed.href} could not be fetched (${e instanceof Error ? e.message : String(e)}). ` +
        "The site's content security policy allows suites from this site and from Hugging Face " +
        '(https://huggingface.co/datasets/…/resolve/main/suite.json), and the host must allow ' +
        'cross-origin requests (CORS). Otherwise download the file and choose "from a file".',
    };
  }
}

/** A chosen file's text, or why it cannot be read. */
async function readChosenFile(
  file: File,
): Promise<{ ok: true; text: string; gzipped: boolean } | { ok: false; message: string }> {
  if (file.size > MAX_SUITE_FILE_BYTES)
    return { ok: false, message: `${file.name} is over 20 MB; suites are not that large.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Let the page paint its "Reading…" state before a large file is unpacked and parsed on this thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const decoded = decodeSuiteBytes(bytes);
  return decoded.ok ? decoded : { ok: false, message: `${file.name} ${decoded.message}.` };
}

/**
 * Reads the suite file(s) chosen by the user: a tabeval suite (validated), or HumanEval / MBPP
 * JSONL, plain or gzip (recognised by content, not name), or BFCL questions with their possible
 * answers as a second file (either order), converted with the CLI's importers. What a BFCL
 * conversion could not express comes back as `notes`.
 */
export async function loadSuiteFromFiles(files: readonly File[]): Promise<LoadedSuite> {
  if (files.length === 0 || files.length > 2) {
    return {
      ok: false,
      message: 'Choose one suite file, or a BFCL questions file and its possible-answers file.',
    };
  }
  const read = [];
  for (const file of files) {
    const decoded = await readChosenFile(file);
    if (!decoded.ok) return decoded;
    read.push({ file, ...decoded });
  }
  const answers = read.length === 2 ? read.find((r) => isBfclAnswersText(r.text)) : undefined;
  const main = read.find((r) => r !== answers);
  if (main === undefined || (read.length === 2 && answers === undefined)) {
    return {
      ok: false,
      message: `Of two files, one must be BFCL possible answers (lines with "id" and "ground_truth"): ${files.map((f) => f.name).join(', ')}.`,
    };
  }
  const file = main.file;
  const result = readSuiteText(main.text, {
    fileName: file.name,
    ...(answers === undefined ? {} : { bfclAnswers: answers.text }),
  });
  if (!result.ok) {
    const heading =
      result.format === undefined
        ? `${file.name} is not a suite file:`
        : result.format === 'tabeval'
          ? `${file.name} is not a valid suite:`
          : `${file.name} is not valid ${SUITE_FORMAT_LABELS[result.format]}:`;
    return listIssues(heading, result.issues);
  }
  if (answers !== undefined && result.format !== 'bfcl') {
    return {
      ok: false,
      message: `${file.name} is not BFCL questions, so ${answers.file.name} has nothing to answer.`,
    };
  }
  if (result.format === 'tabeval') return { ok: true, suite: result.suite };
  const label = SUITE_FORMAT_LABELS[result.format].replace(/ (?:JSONL|JSON Lines)$/, '');
  const from = answers === undefined ? file.name : `${file.name} and ${answers.file.name}`;
  return {
    ok: true,
    suite: result.suite,
    note: `Imported ${result.suite.cases.length} ${label} problems from ${from}${main.gzipped ? ' (gzip)' : ''} as suite ${result.suite.id}.`,
    ...(result.notes.length > 0 ? { notes: result.notes.map((n) => `${n.path}: ${n.message}`) } : {}),
  };
}

function fromText(text: string, source: string): LoadedSuite {
  const result = parseSuiteJson(text);
  if (result.ok) return { ok: true, suite: result.value };
  return listIssues(`${source} is not a valid suite:`, result.issues);
}

function listIssues(heading: string, issues: readonly SuiteIssue[]): LoadedSuite {
  const lines = issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > lines.length) lines.push(`… and ${issues.length - lines.length} more`);
  return { ok: false, message: [heading, ...lines].join('\n') };
}
