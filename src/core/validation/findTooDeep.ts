import type { IssuePath } from './formatPath.ts';

/**
 * The path of the first value nested deeper than `maxDepth` levels of arrays and objects in
 * `value` (the top-level object is level 1), or undefined when none is. Iterative with an explicit
 * stack: it never recurses, so it is safe to run on any parsed JSON before anything that does
 * recurse (schema validation, renderers, hashing). Visits each value once; never throws.
 */
export function findTooDeep(value: unknown, maxDepth: number): IssuePath | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: { value: object; depth: number; path: IssuePath }[] = [{ value, depth: 1, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const entries: [string | number, unknown][] = Array.isArray(item.value)
      ? item.value.map((child, index): [number, unknown] => [index, child])
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof child !== 'object' || child === null) continue;
      const path = [...item.path, key];
      if (item.depth + 1 > maxDepth) return path;
      stack.push({ value: child, depth: item.depth + 1, path });
    }
  }
  return undefined;
}
