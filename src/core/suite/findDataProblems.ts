import type { IssuePath, LocatedIssue } from '../validation/formatPath.ts';

/** Deeper than this is not a suite anyone writes; the limit keeps every later recursion shallow. */
export const MAX_SUITE_DEPTH = 64;

/** Keys that turn into prototype lookups in JavaScript objects; valibot drops them silently. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What `findDataProblems` found: `usable` is false when the value is not JSON data at all. */
export interface DataProblems {
  issues: LocatedIssue[];
  usable: boolean;
}

/**
 * Checks that `input` is plain JSON data, as `JSON.parse` produces it: no `undefined`, functions,
 * symbols, bigints, non-finite numbers, array holes, class instances or cycles, and no nesting
 * deeper than `MAX_SUITE_DEPTH` (these make it unusable: hashing it would fail or differ between
 * engines). Also reports keys named `__proto__`, `constructor` or `prototype` anywhere, which valid
 * JSON can contain but the suite format rejects. Never throws for plain data; iterates at most
 * `MAX_SUITE_DEPTH` levels deep.
 */
export function findDataProblems(input: unknown): DataProblems {
  const result: DataProblems = { issues: [], usable: true };
  visit(input, [], [], result);
  return result;
}

function unusable(result: DataProblems, path: IssuePath, message: string): void {
  result.usable = false;
  result.issues.push({ path: [...path], message });
}

// `path` is one array, a key pushed before each child and popped after, copied only into an issue:
// a new path per value made this walk most of the time to load a suite of 100,000 cases.
function visit(value: unknown, path: (string | number)[], ancestors: object[], result: DataProblems): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) unusable(result, path, `${value} is not a JSON number`);
      return;
    case 'object':
      break;
    default:
      unusable(
        result,
        path,
        `${value === undefined ? 'undefined' : `a ${typeof value}`} is not a JSON value`,
      );
      return;
  }
  if (value === null) return;
  if (ancestors.includes(value)) return unusable(result, path, 'the value contains itself (a cycle)');
  if (ancestors.length >= MAX_SUITE_DEPTH) {
    return unusable(result, path, `nested more than ${MAX_SUITE_DEPTH} levels deep`);
  }
  ancestors.push(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      if (!(index in value)) unusable(result, path, 'an array hole is not a JSON value');
      else visit(value[index], path, ancestors, result);
      path.pop();
    }
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      unusable(result, path, `${Object.prototype.toString.call(value)} is not plain JSON data`);
    } else {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (RESERVED_KEYS.has(key)) {
          result.issues.push({ path: [...path, key], message: `the key '${key}' is reserved: rename it` });
        }
        path.push(key);
        visit(record[key], path, ancestors, result);
        path.pop();
      }
    }
  }
  ancestors.pop();
}
