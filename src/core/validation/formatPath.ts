/** A location inside a suite: object keys and array indices from the root. */
export type IssuePath = readonly (string | number)[];

const IDENTIFIER = /^[A-Z_$][\w$]*$/i;

/**
 * Writes a location the way JavaScript would reach it: `cases[3].expected_calls[0].arguments.path`.
 * Keys that are not identifiers are quoted (`arguments["file-name"]`); the empty path is `(root)`.
 */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** A problem found in a suite, located by path segments (formatted only at the end, so issues can be sorted). */
export interface LocatedIssue {
  path: IssuePath;
  message: string;
}
