// Handing a big object (a run with 10,000 case records) from a worker to the page without one long
// task: one structured clone of 30 MB takes the page's thread for a second or more. The worker
// sends the object with its big arrays emptied, then the arrays' items in slices, one message
// each, and the page puts them back; every message deserializes in a few milliseconds.

/** A path of property names from the root to an array (missing or non-array: nothing to slice). */
export type ArrayPath = readonly string[];

/** One slice: items `start…` of the array at `paths[path]`. */
export interface TransferSlice {
  path: number;
  start: number;
  items: unknown[];
}

/** An object split for transfer: `skeleton` with the sliced arrays empty, and the slices. */
export interface SlicedValue<T> {
  skeleton: T;
  slices: TransferSlice[];
}

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits `value`: the arrays at `paths` are emptied in a skeleton (objects along each path are
 * shallow-copied, so `value` itself is never changed) and cut into slices of `sliceSize` items.
 */
export function sliceForTransfer<T>(value: T, paths: readonly ArrayPath[], sliceSize = 500): SlicedValue<T> {
  const root: Bag = { root: value };
  const slices: TransferSlice[] = [];
  paths.forEach((path, index) => {
    let holder: Bag = root;
    const full = ['root', ...path];
    for (const [depth, key] of full.entries()) {
      const child = holder[key];
      if (depth === full.length - 1) {
        if (!Array.isArray(child)) return;
        holder[key] = [];
        for (let start = 0; start < child.length; start += sliceSize) {
          slices.push({ path: index, start, items: child.slice(start, start + sliceSize) as unknown[] });
        }
        return;
      }
      if (!isBag(child)) return;
      const copy = { ...child };
      holder[key] = copy;
      holder = copy;
    }
  });
  return { skeleton: root['root'] as T, slices };
}

/** Puts slices back into a skeleton received from `sliceForTransfer` (in place); returns it. */
export function joinTransferSlices<T>(
  skeleton: T,
  paths: readonly ArrayPath[],
  slices: readonly TransferSlice[],
): T {
  for (const slice of slices) {
    const path = paths[slice.path];
    if (path === undefined) throw new RangeError(`slice of unknown path ${slice.path}`);
    let target: unknown = skeleton;
    for (const key of path) target = isBag(target) ? target[key] : undefined;
    if (!Array.isArray(target)) throw new TypeError(`no array at ${path.join('.')}`);
    for (let i = 0; i < slice.items.length; i += 1) target[slice.start + i] = slice.items[i];
  }
  return skeleton;
}
