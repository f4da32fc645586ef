import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Suite } from '../../core/suite/types.ts';
import { loadSuiteFile } from '../loadSuite.ts';
import { UsageError } from '../io.ts';

// The bundled suites: beside the built CLI (dist-cli/../suites) or the sources (src/cli/run/../../../suites).
const SUITE_FOLDERS = ['../suites/', '../../../suites/'].map((rel) => new URL(rel, import.meta.url));

/** A bundled suite id: letters, digits, dots, dashes and underscores. */
const SUITE_ID = /^[\w.-]+$/;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * `--suite ID|FILE`: a path to a suite file when one exists there (or it ends in .json), else
 * the id of a bundled suite (`punie-baseline`). Throws UsageError naming what was looked for.
 */
export async function resolveSuite(given: string): Promise<Suite> {
  if (given.endsWith('.json') || given.includes('/') || given.includes('\\') || (await exists(given))) {
    return loadSuiteFile(given);
  }
  if (SUITE_ID.test(given) && given !== 'schema') {
    for (const folder of SUITE_FOLDERS) {
      const path = fileURLToPath(new URL(`${given}.json`, folder));
      if (await exists(path)) return loadSuiteFile(path);
    }
  }
  throw new UsageError(
    `--suite ${given}: no such file, and no bundled suite of that id (bundled: punie-baseline, tool-calling, coding-core, python-functions)`,
  );
}
