// The end every importer shares: duplicate ids, the suite's header, validation as any suite,
// and issues of the built suite traced back to the line a case came from.
import type { Suite, SuiteCase } from '../types.ts';
import { validateSuite } from '../validateSuite.ts';
import { MAX_IMPORT_ISSUES } from './importLimits.ts';
import { lineOf, linePath } from './readJsonLines.ts';
import type { ImportIssue, ImportOptions, ImportResult } from './types.ts';

/** A converted problem: its case and the line it came from. */
export interface ImportedCase {
  line: number;
  suiteCase: SuiteCase;
}

/** What every importer fixes about the suite: its header, from the options or derived. */
export interface SuiteHeader {
  format: 'humaneval' | 'mbpp' | 'bfcl';
  formatLabel: string;
  systemPrompt: string;
  /** The suite's tools (default none). */
  tools?: Suite['tools'];
  /** The field holding a problem's id, for the duplicate-id message (default `task_id`). */
  idField?: string;
  /** What the default description says each case checks (default: execution against the tests). */
  checks?: string;
}

const CASE_PATH = /^cases\[(\d+)\]\.?/;

/** `HumanEval.jsonl.gz` → `humaneval`; a name with nothing usable gives `fallback`. */
export function suiteIdFromFileName(fileName: string | undefined, fallback: string): string {
  const base = (fileName ?? '')
    .slice(-300)
    .replace(/^.*[\\/]/, '')
    .replace(/(?:\.jsonl|\.json|\.gz|\.txt)+$/i, '');
  const id = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? fallback : id.slice(0, 100);
}

/** Lists at most `MAX_IMPORT_ISSUES` issues, counting the rest in a last one. */
export function capIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  if (issues.length <= MAX_IMPORT_ISSUES) return [...issues];
  return [
    ...issues.slice(0, MAX_IMPORT_ISSUES),
    { path: '(file)', message: `… and ${issues.length - MAX_IMPORT_ISSUES} more problems` },
  ];
}

/**
 * Ends an import: reports duplicate task ids (with both lines), builds the suite and validates it
 * as any suite is, so what an importer returns is always a valid suite. Issues of the built suite
 * (`cases[3].execution.entry_point`) are located at the line the case came from.
 */
export function finishImport(
  header: SuiteHeader,
  options: ImportOptions,
  cases: readonly ImportedCase[],
  lineIssues: readonly ImportIssue[],
): ImportResult {
  const issues = [...lineIssues];
  const firstLine = new Map<string, number>();
  for (const { line, suiteCase } of cases) {
    const earlier = firstLine.get(suiteCase.id);
    if (earlier === undefined) firstLine.set(suiteCase.id, line);
    else
      issues.push({
        path: linePath(line, header.idField ?? 'task_id'),
        message: `duplicate ${header.idField === undefined ? 'task id' : header.idField} ${JSON.stringify(suiteCase.id)} (first on line ${earlier})`,
      });
  }
  if (cases.length === 0 && issues.length === 0) {
    issues.push({ path: '(file)', message: `holds no ${header.formatLabel} problems (every line is blank)` });
  }
  if (issues.length > 0) {
    issues.sort((a, b) => lineOf(a) - lineOf(b));
    return { ok: false, issues: capIssues(issues) };
  }

  const suite: Suite = {
    id: options.id ?? suiteIdFromFileName(options.fileName, header.format),
    version: options.version ?? '1.0.0',
    description:
      options.description ??
      `${cases.length} ${header.formatLabel} problems imported` +
        (options.fileName === undefined ? '' : ` from ${options.fileName.replace(/^.*[\\/]/, '')}`) +
        `; ${header.checks ?? "each reply is executed against the problem's tests"}.`,
    system_prompt: header.systemPrompt,
    tools: header.tools ?? [],
    cases: cases.map((c) => c.suiteCase),
  };
  const validated = validateSuite(suite);
  if (validated.ok) return validated;
  return {
    ok: false,
    issues: capIssues(
      validated.issues.map((issue) => {
        const match = CASE_PATH.exec(issue.path);
        const line = match === null ? undefined : cases[Number(match[1])]?.line;
        if (match === null || line === undefined) return issue;
        const rest = issue.path.slice(match[0].length);
        return { path: linePath(line, rest === '' ? undefined : rest), message: issue.message };
      }),
    ),
  };
}
