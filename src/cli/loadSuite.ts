import type { Suite } from '../core/suite/types.ts';
import { parseSuiteJson } from '../core/suite/parseSuiteJson.ts';
import { readTextInput, UsageError } from './io.ts';

/** Reads and validates a suite file; any problem is a UsageError listing every issue by path. */
export async function loadSuiteFile(path: string): Promise<Suite> {
  const result = parseSuiteJson(await readTextInput(path, 'suite'));
  if (!result.ok) {
    throw new UsageError(
      `${path} is not a valid suite (${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}):\n` +
        result.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
    );
  }
  return result.value;
}
