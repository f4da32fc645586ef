import type { LocatedIssue } from './formatPath.ts';

// Keys in the order an author reads a suite; keys not listed sort after them, by name.
const KEY_ORDER = [
  '$schema',
  'id',
  'version',
  'description',
  'system_prompt',
  'tools',
  'cases',
  'type',
  'function',
  'name',
  'parameters',
  'properties',
  'required',
  'category',
  'prompt',
  'messages',
  'role',
  'content',
  'expected_tools',
  'expected_keywords',
  'keywords_whole_word',
  'expected_calls',
  'arguments',
  'equals',
  'one_of',
  'regex',
  'optional',
  'call_order',
  'expect_no_call',
  'answer',
];

function compareSegments(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  const rankA = KEY_ORDER.indexOf(a);
  const rankB = KEY_ORDER.indexOf(b);
  if (rankA !== rankB) return (rankA === -1 ? Infinity : rankA) - (rankB === -1 ? Infinity : rankB);
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePaths(a: LocatedIssue, b: LocatedIssue): number {
  const length = Math.min(a.path.length, b.path.length);
  for (let index = 0; index < length; index++) {
    const order = compareSegments(a.path[index] ?? '', b.path[index] ?? '');
    if (order !== 0) return order;
  }
  return a.path.length - b.path.length;
}

/**
 * Issues in reading order (by path: numbers numerically, keys in the order of the suite format),
 * with exact duplicates removed. Issues at the same path keep their order. Returns a new array.
 */
export function sortIssues(issues: readonly LocatedIssue[]): LocatedIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = JSON.stringify([issue.path, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(comparePaths);
}
