import { didYouMean } from '../validation/didYouMean.ts';
import type { IssuePath, LocatedIssue } from '../validation/formatPath.ts';
import { parameterMismatch, schemaTypes } from './parameterMismatch.ts';
import type { CallEntry, CaseEntry, ToolEntry } from './suiteParts.ts';
import type { Matcher } from './types.ts';

function undeclared(name: string, tools: readonly ToolEntry[]): string {
  const names = tools.map((tool) => tool.name);
  const suggestion = didYouMean(name, names);
  const hint =
    suggestion !== undefined
      ? `did you mean '${suggestion}'?`
      : names.length === 0
        ? 'the suite declares no tools'
        : `declared: ${names.join(', ')}`;
  return `tool '${name}' is not declared in tools (${hint})`;
}

/** Whether a `{"type": ...}` matcher can ever match a value of a parameter with these types. */
function typesOverlap(matcherType: string, parameterTypes: readonly string[]): boolean {
  const numeric = ['integer', 'number'];
  return parameterTypes.some(
    (type) => type === matcherType || (numeric.includes(type) && numeric.includes(matcherType)),
  );
}

function matcherProblems(
  matcher: Matcher,
  schema: Record<string, unknown>,
  where: string,
  path: IssuePath,
): LocatedIssue[] {
  if ('equals' in matcher) {
    const reason = parameterMismatch(matcher.equals, schema);
    return reason === undefined
      ? []
      : [{ path: [...path, 'equals'], message: `can never match ${where}: ${reason}` }];
  }
  if ('one_of' in matcher) {
    return matcher.one_of.flatMap((value, index) => {
      const reason = parameterMismatch(value, schema);
      return reason === undefined
        ? []
        : [{ path: [...path, 'one_of', index], message: `can never match ${where}: ${reason}` }];
    });
  }
  if ('type' in matcher) {
    const types = schemaTypes(schema);
    if (types !== undefined && types.length > 0 && !typesOverlap(matcher.type, types)) {
      return [
        {
          path: [...path, 'type'],
          message: `can never match ${where}: the parameter's type is ${types.join(' or ')}`,
        },
      ];
    }
  }
  return [];
}

function expectedCallProblems(call: CallEntry, tools: readonly ToolEntry[], path: IssuePath): LocatedIssue[] {
  const tool = tools.find((entry) => entry.name === call.name);
  if (tool === undefined) return [{ path: [...path, 'name'], message: undeclared(call.name, tools) }];
  if (tool.definition === undefined) return []; // its own problems are reported at the tool
  const properties = tool.definition.parameters.properties ?? {};
  const parameterNames = Object.keys(properties);
  return call.arguments.flatMap(([name, matcher]): LocatedIssue[] => {
    const argumentPath = [...path, 'arguments', name];
    const schema = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (schema === undefined) {
      const suggestion = didYouMean(name, parameterNames);
      const hint =
        suggestion !== undefined
          ? `did you mean '${suggestion}'?`
          : parameterNames.length === 0
            ? 'it has none'
            : `parameters: ${parameterNames.join(', ')}`;
      return [{ path: argumentPath, message: `'${name}' is not a parameter of ${call.name} (${hint})` }];
    }
    return matcherProblems(matcher, schema, `parameter '${name}' of ${call.name}`, argumentPath);
  });
}

/**
 * Problems of one case's references to the suite's tools: offered tools (`tools`) that are not
 * declared or are listed twice, expected tools and calls outside the offered ones, expected tool
 * names and expected call names that are not declared, argument names that are not parameters of the tool, and `equals`,
 * `one_of` or `type` matchers that no valid argument could satisfy. Never throws.
 */
export function callChecks(entry: CaseEntry, tools: readonly ToolEntry[]): LocatedIssue[] {
  const path: IssuePath = ['cases', entry.index];
  const issues: LocatedIssue[] = [];
  const declared = new Set(tools.map((tool) => tool.name));
  const offered = entry.fields.tools;
  const offeredSet = new Set(offered ?? []);
  const seen = new Map<string, number>();
  offered?.forEach((name, index) => {
    const at: IssuePath = [...path, 'tools', index];
    const first = seen.get(name);
    if (first !== undefined) {
      issues.push({ path: at, message: `tool '${name}' is offered twice (first at tools[${first}])` });
    } else {
      seen.set(name, index);
      if (!declared.has(name)) issues.push({ path: at, message: undeclared(name, tools) });
    }
  });
  const notOffered = (name: string): string =>
    `tool '${name}' is not among the tools this case offers (${offered?.length === 0 ? 'it offers none' : `tools: ${offered?.join(', ')}`})`;
  entry.fields.expected_tools?.forEach((name, index) => {
    const at: IssuePath = [...path, 'expected_tools', index];
    if (!declared.has(name)) issues.push({ path: at, message: undeclared(name, tools) });
    else if (offered !== undefined && !offeredSet.has(name))
      issues.push({ path: at, message: notOffered(name) });
  });
  for (const call of entry.calls) {
    const at: IssuePath = [...path, 'expected_calls', call.index];
    if (offered !== undefined && declared.has(call.name) && !offeredSet.has(call.name)) {
      issues.push({ path: [...at, 'name'], message: notOffered(call.name) });
    }
    issues.push(...expectedCallProblems(call, tools, at));
  }
  return issues;
}
