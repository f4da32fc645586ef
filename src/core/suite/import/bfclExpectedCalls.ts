// BFCL possible answers (`ground_truth`) → tabeval expected calls. BFCL lists, per parameter, the
// acceptable values, with "" meaning "may be left out"; a dict answer lists acceptable values per
// key. What tabeval's matchers cannot say is returned as notes, never dropped silently.
import { describeValue } from '../../validation/describeValue.ts';
import { canonicalJson } from '../canonicalJson.ts';
import { parameterMismatch } from '../parameterMismatch.ts';
import type { ExpectedCall, Matcher, ToolDefinition } from '../types.ts';

/** Most concrete values one parameter's possible answer may expand to (dicts with alternatives per key). */
export const MAX_BFCL_ALTERNATIVES = 1000;

const MAX_ANSWER_DEPTH = 16;

/** A problem with the answer's shape, located inside `ground_truth` (`[0].f.x`). */
export interface AnswerProblem {
  path: string;
  message: string;
}

export type BfclExpectation =
  { ok: true; calls: ExpectedCall[]; notes: string[] } | { ok: false; problems: AnswerProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Marks a key left out of a dict alternative. */
const OMITTED = Symbol('omitted');

/** Every combination of one value from each list, or undefined when there are more than the cap. */
function product(lists: readonly (readonly unknown[])[]): unknown[][] | undefined {
  let combos: unknown[][] = [[]];
  for (const list of lists) {
    if (combos.length * list.length > MAX_BFCL_ALTERNATIVES) return undefined;
    combos = combos.flatMap((combo) => list.map((value) => [...combo, value]));
  }
  return combos;
}

/**
 * The concrete values a possible-answer value stands for: a dict is BFCL's per-key lists of
 * acceptable values ("" = the key may be left out), expanded to every combination; an array
 * stands for the arrays of its items' values; anything else for itself. Undefined past the cap.
 */
function expandAnswer(value: unknown, depth: number): unknown[] | undefined {
  if (depth > MAX_ANSWER_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const items: unknown[][] = [];
    for (const item of value) {
      const expanded = expandAnswer(item, depth + 1);
      if (expanded === undefined) return undefined;
      items.push(expanded);
    }
    return product(items);
  }
  if (!isRecord(value)) return [value];
  const keys = Object.keys(value);
  const perKey: unknown[][] = [];
  for (const key of keys) {
    const options = value[key];
    const list: unknown[] = Array.isArray(options) ? options : [options];
    const values: unknown[] = [];
    for (const option of list) {
      if (option === '') {
        values.push(OMITTED);
        continue;
      }
      const expanded = expandAnswer(option, depth + 1);
      if (expanded === undefined) return undefined;
      values.push(...expanded);
    }
    perKey.push(values);
  }
  const combos = product(perKey);
  return combos?.map((combo) =>
    Object.fromEntries(keys.flatMap((key, i) => (combo[i] === OMITTED ? [] : [[key, combo[i]]]))),
  );
}

function holdsString(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value))
    return value.some((item) => typeof item === 'string' || (isRecord(item) && holdsString(item)));
  if (isRecord(value)) return Object.values(value).some((item) => typeof item === 'string');
  return false;
}

function matcherOf(param: string, values: unknown, tool: ToolDefinition, notes: string[]): Matcher | null {
  const properties = tool.parameters.properties ?? {};
  const schema = Object.hasOwn(properties, param) ? properties[param] : undefined;
  const listed: unknown[] = Array.isArray(values) ? values : [];
  const optional = listed.includes('');
  const concrete: unknown[] = [];
  for (const value of listed) {
    if (value === '') continue;
    const expanded = expandAnswer(value, 0);
    if (expanded === undefined) {
      notes.push(
        `${tool.name}.${param}: the possible answer nests too deep or expands to more than ${MAX_BFCL_ALTERNATIVES} values; not checked`,
      );
      return null;
    }
    concrete.push(...expanded);
  }
  const seen = new Set<string>();
  const distinct = concrete.filter((value) => {
    const key = canonicalJson(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const valid = distinct.filter((value) => {
    const reason = schema === undefined ? undefined : parameterMismatch(value, schema);
    if (reason !== undefined)
      notes.push(
        `${tool.name}.${param}: possible value ${describeValue(value)} left out, it can never be valid (${reason})`,
      );
    return reason === undefined;
  });
  if (valid.length === 0) {
    notes.push(
      concrete.length === 0 && optional
        ? `${tool.name}.${param}: BFCL's only possible answer is "" (must be left out); tabeval cannot require absence, so it is not checked`
        : `${tool.name}.${param}: no possible value is valid for the schema; not checked`,
    );
    return null;
  }
  const strings = valid.some(holdsString) ? ({ strings: 'bfcl' } as const) : {};
  const base = valid.length === 1 ? { equals: valid[0] } : { one_of: valid };
  return { ...base, ...(optional ? { optional: true } : {}), ...strings };
}

/**
 * The expected calls of a BFCL possible answer: `ground_truth` is a list of `{function: {param:
 * [acceptable values]}}`, one per expected call. Each parameter becomes `equals` (one value) or
 * `one_of`, with `optional: true` when "" is among the values and `strings: "bfcl"` when a value
 * holds strings; dict values are expanded to every combination (at most
 * `MAX_BFCL_ALTERNATIVES`). Notes list what tabeval cannot express: parameters that must be left
 * out, values that can never be valid for the schema (BFCL ignores `enum`), answer keys that are
 * not parameters. `tools` are the case's converted functions. Pure; never throws.
 */
export function bfclExpectedCalls(groundTruth: unknown, tools: readonly ToolDefinition[]): BfclExpectation {
  if (!Array.isArray(groundTruth) || groundTruth.length === 0) {
    return {
      ok: false,
      problems: [
        { path: '', message: `expected a non-empty array of calls, got ${describeValue(groundTruth)}` },
      ],
    };
  }
  const problems: AnswerProblem[] = [];
  const notes: string[] = [];
  const calls: ExpectedCall[] = [];
  groundTruth.forEach((entry, index) => {
    const keys = isRecord(entry) ? Object.keys(entry) : [];
    const name = keys[0];
    if (!isRecord(entry) || keys.length !== 1 || name === undefined) {
      problems.push({
        path: `[${index}]`,
        message: 'expected an object with exactly one key, the function name',
      });
      return;
    }
    const args = entry[name];
    if (!isRecord(args)) {
      problems.push({
        path: `[${index}].${name}`,
        message: `expected an object of parameters, got ${describeValue(args)}`,
      });
      return;
    }
    const tool = tools.find((t) => t.name === name);
    if (tool === undefined) {
      problems.push({
        path: `[${index}]`,
        message: `the answer calls ${JSON.stringify(name)}, which the case's functions do not define`,
      });
      return;
    }
    const properties = tool.parameters.properties ?? {};
    const matchers: [string, Matcher][] = [];
    for (const [param, values] of Object.entries(args)) {
      if (!Array.isArray(values) || values.length === 0) {
        problems.push({
          path: `[${index}].${name}.${param}`,
          message: `expected a non-empty array of acceptable values, got ${describeValue(values)}`,
        });
        continue;
      }
      if (!Object.hasOwn(properties, param)) {
        notes.push(
          `${name}.${param}: the possible answer names a parameter the function does not have; not checked (a call giving it fails as unexpected_argument)`,
        );
        continue;
      }
      const matcher = matcherOf(param, values, tool, notes);
      if (matcher !== null) matchers.push([param, matcher]);
    }
    const unanswered = Object.keys(properties).filter((param) => !Object.hasOwn(args, param));
    if (unanswered.length > 0) {
      notes.push(
        `${name}: the possible answer leaves out ${unanswered.join(', ')} (BFCL: must not be given); tabeval does not check ${unanswered.length === 1 ? 'it' : 'them'}`,
      );
    }
    calls.push({ name, ...(matchers.length > 0 ? { arguments: Object.fromEntries(matchers) } : {}) });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, calls, notes };
}
