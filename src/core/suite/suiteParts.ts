import * as v from 'valibot';
import type { IssuePath } from '../validation/formatPath.ts';
import { ExpectedCallSchema, MatcherSchema, SuiteCaseSchema, ToolSchema } from './schema.ts';
import type { Matcher, SuiteCase, ToolDefinition } from './types.ts';

/**
 * A tool at its index in `tools`. `path` leads to the definition in the file (`tools[2]`, or
 * `tools[2].function` for OpenAI's wrapped form). `definition` is undefined when the tool is invalid.
 */
export interface ToolEntry {
  index: number;
  path: IssuePath;
  name: string;
  definition: ToolDefinition | undefined;
}

/** An expected call whose name is valid, with its valid argument matchers (as pairs: names are untrusted keys). */
export interface CallEntry {
  index: number;
  name: string;
  arguments: readonly (readonly [string, Matcher])[];
}

/**
 * A case as far as it is valid: `fields` holds the fields that are valid on their own (all but
 * `expected_calls`, which is in `calls`), `present` the keys the case has, valid or not.
 */
export interface CaseEntry {
  index: number;
  present: ReadonlySet<string>;
  fields: Partial<Omit<SuiteCase, 'expected_calls'>>;
  calls: readonly CallEntry[];
}

/** What the cross-reference checks look at. `tools` is undefined when the suite has no tool list to judge against. */
export interface SuiteParts {
  tools: readonly ToolEntry[] | undefined;
  cases: readonly CaseEntry[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The name a tool was meant to have, even if the rest of its definition is broken. */
function intendedToolName(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  const inner = 'function' in raw ? raw.function : raw;
  return isRecord(inner) && typeof inner.name === 'string' ? inner.name : undefined;
}

function toolEntry(raw: unknown, index: number): ToolEntry[] {
  const path = isRecord(raw) && 'function' in raw ? ['tools', index, 'function'] : ['tools', index];
  const parsed = v.safeParse(ToolSchema, raw);
  if (parsed.success) return [{ index, path, name: parsed.output.name, definition: parsed.output }];
  const name = intendedToolName(raw);
  return name === undefined ? [] : [{ index, path, name, definition: undefined }];
}

function callEntry(raw: unknown, index: number): CallEntry[] {
  if (!isRecord(raw)) return [];
  const name = v.safeParse(ExpectedCallSchema.entries.name, raw.name);
  if (!name.success) return [];
  const matchers = isRecord(raw.arguments) ? Object.entries(raw.arguments) : [];
  const valid = matchers.flatMap(([argument, matcher]): (readonly [string, Matcher])[] => {
    const parsed = v.safeParse(MatcherSchema, matcher);
    return parsed.success ? [[argument, parsed.output]] : [];
  });
  return [{ index, name: name.output, arguments: valid }];
}

function caseEntry(raw: unknown, index: number): CaseEntry[] {
  if (!isRecord(raw)) return [];
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SuiteCaseSchema.entries)) {
    if (key === 'expected_calls' || !Object.hasOwn(raw, key)) continue;
    const parsed = v.safeParse(schema, raw[key]);
    if (parsed.success) fields[key] = parsed.output;
  }
  const calls = Array.isArray(raw.expected_calls) ? (raw.expected_calls as unknown[]).flatMap(callEntry) : [];
  return [{ index, present: new Set(Object.keys(raw)), fields: fields as CaseEntry['fields'], calls }];
}

/**
 * The valid parts of a raw suite, each validated on its own, down to single fields of a case and
 * single argument matchers, so cross-reference problems are found even where other parts are
 * broken. An invalid tool keeps its name (cases that call it are not told it is undeclared) but not
 * its definition. Never throws for JSON data.
 */
export function suiteParts(input: unknown): SuiteParts {
  const rawTools = isRecord(input) && Array.isArray(input.tools) ? (input.tools as unknown[]) : undefined;
  const rawCases = isRecord(input) && Array.isArray(input.cases) ? (input.cases as unknown[]) : [];
  return { tools: rawTools?.flatMap(toolEntry), cases: rawCases.flatMap(caseEntry) };
}
