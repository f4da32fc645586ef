import type { IssuePath } from './formatPath.ts';

/**
 * The path of the first value nested deeper than `maxDepth` levels of arrays and objects in
 * `value` (the top-level object is level 1), or undefined when none is. Iterative with an explicit
 * stack: it never recurses, so it is safe to run on any parsed JSON before anything that does
 * recurse (schema validation, renderers, hashing). Visits each value once; never throws.
 */
export function findTooDeep(value: unknown, maxDepth: number): IssuePath | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // Each entry links to its parent instead of carrying its path: building a path per value made
  // this walk most of the time to read a report of 100,000 cases. The path is built once, if found.
  interface Entry {
    value: object;
    depth: number;
    key: string | number;
    parent: Entry | undefined;
  }
  const pathOf = (entry: Entry, key: string | number): IssuePath => {
    const path: (string | number)[] = [key];
    for (let e: Entry | undefined = entry; e?.parent !== undefined; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value, depth: 1, key: '', parent: undefined }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const keys: (string | number)[] | undefined = Array.isArray(item.value)
      ? undefined
      : Object.keys(item.value);
    const count = keys === undefined ? (item.value as unknown[]).length : keys.length;
    for (let i = 0; i < count; i += 1) {
      const key = keys === undefined ? i : keys[i]!;
      const child: unknown = (item.value as Record<string | number, unknown>)[key];
      if (typeof child !== 'object' || child === null) continue;
      if (item.depth + 1 > maxDepth) return pathOf(item, key);
      stack.push({ value: child, depth: item.depth + 1, key, parent: item });
    }
  }
  return undefined;
}
