import { parseSuiteJson } from '../../core/suite/parseSuiteJson.ts';
import { decodeSuiteBytes } from '../../core/suite/import/decodeSuiteBytes.ts';
import { readSuiteText, SUITE_FORMAT_LABELS } from '../../core/suite/import/readSuiteText.ts';
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
export type LoadedSuite = { ok: true; suite: Suite; note?: string } | { ok: false; message: string };

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

/**
 * Reads a suite file chosen by the user: a tabeval suite (validated), or HumanEval / MBPP JSONL,
 * plain or gzip (recognised by content, not name), converted with the CLI's importers.
 */
export async function loadSuiteFromFile(file: File): Promise<LoadedSuite> {
  if (file.size > MAX_SUITE_FILE_BYTES)
    return { ok: false, message: `${file.name} is over 20 MB; suites are not that large.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Let the page paint its "Reading…" state before a large file is unpacked and parsed on this thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const decoded = decodeSuiteBytes(bytes);
  if (!decoded.ok) return { ok: false, message: `${file.name} ${decoded.message}.` };
  const result = readSuiteText(decoded.text, { fileName: file.name });
  if (!result.ok) {
    const heading =
      result.format === undefined
        ? `${file.name} is not a suite file:`
        : result.format === 'tabeval'
          ? `${file.name} is not a valid suite:`
          : `${file.name} is not valid ${SUITE_FORMAT_LABELS[result.format]}:`;
    return listIssues(heading, result.issues);
  }
  if (result.format === 'tabeval') return { ok: true, suite: result.suite };
  const label = SUITE_FORMAT_LABELS[result.format].replace(/ JSONL$/, '');
  return {
    ok: true,
    suite: result.suite,
    note: `Imported ${result.suite.cases.length} ${label} problems from ${file.name}${decoded.gzipped ? ' (gzip)' : ''} as suite ${result.suite.id}.`,
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
