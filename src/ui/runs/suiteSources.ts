import { parseSuiteJson } from '../../core/suite/parseSuiteJson.ts';
import type { Suite } from '../../core/suite/types.ts';

// Bundled suites are separate chunks, fetched only when chosen.
const bundled = import.meta.glob<unknown>(['../../../suites/*.json', '!../../../suites/schema.json'], {
  import: 'default',
});

/** Ids (file names) of the suites shipped with the site. */
export const bundledSuiteIds: string[] = Object.keys(bundled)
  .map((path) => path.replace(/^.*\//, '').replace(/\.json$/, ''))
  .sort();

export type LoadedSuite = { ok: true; suite: Suite } | { ok: false; message: string };

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

/** Reads a suite file chosen by the user and validates it. */
export async function loadSuiteFromFile(file: File): Promise<LoadedSuite> {
  if (file.size > 20 * 1024 * 1024)
    return { ok: false, message: `${file.name} is over 20 MB; suites are not that large.` };
  return fromText(await file.text(), file.name);
}

function fromText(text: string, source: string): LoadedSuite {
  const result = parseSuiteJson(text);
  if (result.ok) return { ok: true, suite: result.value };
  const lines = result.issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`);
  if (result.issues.length > lines.length) lines.push(`… and ${result.issues.length - lines.length} more`);
  return { ok: false, message: [`${source} is not a valid suite:`, ...lines].join('\n') };
}
