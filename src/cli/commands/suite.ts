import { parseSuiteJson } from '../../core/suite/parseSuiteJson.ts';
import { suiteHash } from '../../core/suite/suiteHash.ts';
import { loadSuiteFile } from '../loadSuite.ts';
import { readTextInput, out, UsageError } from '../io.ts';
import { runSuiteImport, suiteImportHelp } from './suiteImport.ts';

export const suiteHelp = `tabeval suite validate FILE
  Checks a suite file against the suite schema and its semantic rules; lists every problem by path.
  Exit 0 when valid, 1 when invalid, 2 when the file cannot be read.
tabeval suite hash FILE
  Prints the suite's identity: SHA-256 of its canonical JSON (the same in the browser).
${suiteImportHelp}`;

/** `tabeval suite validate|hash FILE`, `tabeval suite import ...`. */
export async function runSuiteCommand(args: string[]): Promise<number> {
  const [sub, file] = args;
  if (sub === 'import') return runSuiteImport(args.slice(1));
  if ((sub !== 'validate' && sub !== 'hash') || file === undefined) {
    throw new UsageError('expected "suite validate FILE", "suite hash FILE" or "suite import FILE"');
  }
  if (sub === 'hash') {
    out(await suiteHash(await loadSuiteFile(file)));
    return 0;
  }
  const result = parseSuiteJson(await readTextInput(file, 'suite'));
  if (!result.ok) {
    out(
      `${file}: invalid suite, ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}`,
    );
    for (const issue of result.issues) out(`  ${issue.path}: ${issue.message}`);
    return 1;
  }
  const s = result.value;
  out(`${file}: valid suite ${s.id} ${s.version}, ${s.cases.length} cases, ${s.tools.length} tools`);
  out(`sha256 ${await suiteHash(s)}`);
  return 0;
}
