import { callChecks } from './callChecks.ts';
import { caseChecks } from './caseChecks.ts';
import { didYouMean } from '../validation/didYouMean.ts';
import { formatPath, type LocatedIssue } from '../validation/formatPath.ts';
import type { SuiteParts, ToolEntry } from './suiteParts.ts';

function duplicates<T>(
  entries: readonly T[],
  keyOf: (entry: T) => string,
  pathOf: (entry: T) => (string | number)[],
  what: string,
): LocatedIssue[] {
  const first = new Map<string, T>();
  const issues: LocatedIssue[] = [];
  for (const entry of entries) {
    const key = keyOf(entry);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, entry);
    else
      issues.push({
        path: pathOf(entry),
        message: `duplicate ${what} '${key}' (first at ${formatPath(pathOf(earlier))})`,
      });
  }
  return issues;
}

function toolProblems(tool: ToolEntry): LocatedIssue[] {
  if (tool.definition === undefined) return [];
  const { properties = {}, required = [] } = tool.definition.parameters;
  const names = Object.keys(properties);
  return required.flatMap((name, index): LocatedIssue[] => {
    if (Object.hasOwn(properties, name)) return [];
    const suggestion = didYouMean(name, names);
    const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
    return [
      {
        path: [...tool.path, 'parameters', 'required', index],
        message: `required parameter '${name}' is not among the properties${hint}`,
      },
    ];
  });
}

/**
 * The problems a schema cannot see because they relate parts of a suite to each other: duplicate
 * tool names and case ids, `required` parameters that are not properties, and for every case
 * `caseChecks` and (when there is a tool list) `callChecks`. Takes the valid parts only (see
 * `suiteParts`), so it runs on a suite that also has structural problems. Never throws.
 */
export function semanticChecks(parts: SuiteParts): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  const tools = parts.tools;
  if (tools !== undefined) {
    issues.push(
      ...duplicates(
        tools,
        (tool) => tool.name,
        (tool) => [...tool.path, 'name'],
        'tool name',
      ),
      ...tools.flatMap(toolProblems),
    );
  }
  const identified = parts.cases.flatMap((entry) =>
    entry.fields.id === undefined ? [] : [{ entry, id: entry.fields.id }],
  );
  issues.push(
    ...duplicates(
      identified,
      ({ id }) => id,
      ({ entry }) => ['cases', entry.index, 'id'],
      'case id',
    ),
  );
  for (const entry of parts.cases) {
    issues.push(...caseChecks(entry));
    if (tools !== undefined) issues.push(...callChecks(entry, tools));
  }
  return issues;
}
