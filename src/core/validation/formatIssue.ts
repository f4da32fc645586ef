import type * as v from 'valibot';
import type { LocatedIssue } from './formatPath.ts';

/**
 * Turns a valibot issue into a located suite issue. The message is the one the schema attached
 * (issueMessages.ts); the path is the chain of keys and indices valibot recorded. Never throws.
 */
export function formatIssue(issue: v.BaseIssue<unknown>): LocatedIssue {
  const path: (string | number)[] = [];
  for (const item of issue.path ?? []) {
    if (typeof item.key === 'string' || typeof item.key === 'number') path.push(item.key);
  }
  return { path, message: issue.message };
}
